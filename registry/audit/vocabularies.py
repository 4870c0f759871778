"""What the audit trail's stored keys mean: the actions, the fields, and the vocabularies their values come from.

Events store keys (``"chair"``, ``"DK"``, ``263``); these tables say how a reader names them. The labels come
from the domains' own vocabularies wherever one exists; only words that exist nowhere else are written here.
"""

from flask_babel import lazy_gettext as _l

from registry.accounts.models import ROLES as USER_ROLES
from registry.associations.choices import COUNTRIES, DOCUMENT_KINDS, RIGHTS, SELECTION_KINDS, STATUSES
from registry.associations.declarations import ALL as DECLARATIONS
from registry.core.choices import Choices
from registry.qualification.choices import ANSWERS, RECOMMENDATIONS
from registry.qualification.choices import CASE_STATUSES as QUALIFICATION_STATUSES
from registry.screening.choices import CASE_STATUSES as SCREENING_STATUSES
from registry.screening.choices import EXCEPTION_ANSWERS, FLAG_REASONS, GROUNDS, LEGAL_BASES, OUTCOMES
from registry.supervision.choices import SANCTION_BASES, SANCTIONS, SELECTIONS

ACTIONS = {
    "association.created": _l("Association created"),
    "association.identity_saved": _l("Identity changed"),
    "association.purpose_saved": _l("Purpose and activities changed"),
    "association.target_groups_saved": _l("Target groups changed"),
    "association.governance_saved": _l("Governance changed"),
    "association.board_saved": _l("Board changed"),
    "association.roles_saved": _l("Roles and motivations changed"),
    "association.motivations_saved": _l("Motivations changed"),
    "association.collaborations_saved": _l("Forms of collaboration changed"),
    "association.submitted": _l("Submitted to the municipality"),
    "association.resubmitted": _l("Submitted again after changes"),
    "association.public_profile_changed": _l("Public profile consent changed"),
    "document.uploaded": _l("Document uploaded"),
    "document.deleted": _l("Document removed"),
    "declaration.given": _l("Declaration given"),
    "representative.invited": _l("Representative invited"),
    "representative.joined": _l("Representative joined"),
    "representative.removed": _l("Representative removed"),
    "representative.invitation_revoked": _l("Invitation withdrawn"),
    "qualification.opened": _l("Qualification opened"),
    "qualification.answers_saved": _l("Qualification answers saved"),
    "qualification.concluded": _l("Qualification concluded"),
    "qualification.superseded": _l("Qualification superseded by a new one"),
    "checklist.local_item_added": _l("Local checklist item added"),
    "checklist.local_version_carried": _l("Local checklist items carried onto a new shipped version"),
    "award.recorded": _l("Award recorded"),
    "screening.opened": _l("Eligibility screening opened"),
    "screening.answers_saved": _l("Eligibility screening answers saved"),
    "screening.hearing_sent": _l("Hearing sent"),
    "screening.hearing_answered": _l("Hearing answered by the association"),
    "screening.decision_proposed": _l("Decision proposed"),
    "screening.decision_returned": _l("Decision sent back"),
    "screening.decided": _l("Decision made"),
    "screening.superseded": _l("Screening superseded by a new one"),
    "screening.rescreening_flagged": _l("Marked for re-screening"),
    "supervision.drawn": _l("Supervision sample drawn"),
    "supervision.findings_saved": _l("Supervision findings saved"),
    "supervision.sanction_recorded": _l("Sanction recorded"),
    "publication.published": _l("Yearly list published"),
    "settings.changed": _l("Settings changed"),
    "staff.created": _l("Staff account created"),
    "staff.invited": _l("Staff member invited"),
    "staff.joined": _l("Staff member joined"),
    "staff.activated": _l("Staff member reactivated"),
    "staff.deactivated": _l("Staff member deactivated"),
    "user.registered": _l("Account created"),
    "user.email_verified": _l("E-mail address confirmed"),
    "user.settings_changed": _l("Account settings changed"),
    "user.password_changed": _l("Password changed"),
    "user.password_reset": _l("Password reset"),
    "user.logged_out_everywhere": _l("Logged out on every device"),
}

#: The label of each stored field: by key, or by (action, key) where an action stores something else under it.
FIELDS = {
    "name": _l("Name"), "country": _l("Country"), "registration_number": _l("CVR number or organisationsnummer"),
    "no_registration_number": _l("No CVR number or organisationsnummer"),
    "home_municipality_id": _l("Home municipality"), "active_municipalities": _l("Also active in"),
    "address": _l("Address"), "postcode": _l("Postcode"), "city": _l("Town"), "website": _l("Website"),
    "email": _l("E-mail address"), "phone": _l("Phone"), "purpose": _l("Purpose"), "activities": _l("Activities"),
    "target_groups_other": _l("Other target groups, or a closer description"), "local_areas": _l("Local areas"),
    "languages": _l("Languages"), "member_count": _l("Members"), "paying_member_count": _l("Paying members"),
    "volunteer_count": _l("Volunteers"), "founded_year": _l("Year founded"), "board": _l("Board"),
    "assembly_elects_board": _l("Does the general assembly elect the board?"),
    "open_to_all": _l("Is membership open to everyone who supports the purpose?"),
    "non_commercial": _l("Is the association run without a commercial aim?"),
    "role": _l("Roles"), "motivation": _l("Motivations"), "collaboration": _l("Forms of collaboration"),
    "roles_description": _l("Description of the roles"), "motivations_other": _l("Other motivation"),
    "collaboration_note": _l("Anything else about how you would like to collaborate"),
    "target_group": _l("Target groups"), "status": _l("Status"), "public_profile": _l("Public profile"),
    "kind": _l("Type"), "filename": _l("File"), "size": _l("Size"), "recommendation": _l("Recommendation"),
    "signer": _l("Signed by"), ("declaration.given", "role"): _l("Role in the association"),
    ("declaration.given", "version"): _l("Text version"), "rights": _l("Rights"), "user": _l("E-mail address"),
    "template": _l("Checklist version"), "version": _l("Checklist version"), "item": _l("Item"),
    "superseded_by": _l("Superseded by case"),
    "grant": _l("Grant"), "premises": _l("Premises"), "legal_basis": _l("Legal basis"),
    "deadline": _l("Deadline for the answer"), "documents": _l("Documents"), "comment": _l("Comment"),
    "valid_until": _l("Valid until"), "reason": _l("Reason"), "note": _l("Note"), "findings": _l("Findings"),
    "follow_up_on": _l("Follow-up date"), "year": _l("Year"), "seed": _l("Seed"), "active": _l("Active"),
    "population": _l("Associations in the population"), "random": SELECTIONS.label("random"),
    "judgement": SELECTIONS.label("judgement"), "entries": _l("Associations on the list"),
    "four_eyes": _l("A refusal must be approved by a second staff member"),
    "validity_months": _l("Validity in months"), "complaint_guidance": _l("Appeal information"),
    "period_start_month": _l("The application period starts in"), "rules_name": _l("The municipality's grant rules"),
    "rules_adopted_on": _l("Date the rules were adopted"), "delegation": _l("Delegation"),
    "democracy_grounds": _l("Democracy conditions in the municipality's rules"), "amount": _l("Amount in kroner"),
    "decision_reference": _l("Decision reference"), "screening": _l("Eligibility screening"),
    "nothing_new": _l("Nothing new has come up since the screening"),
    ("staff.created", "role"): _l("Role"), ("staff.invited", "role"): _l("Role"),
    "municipality": _l("Municipality"), "display_name": _l("Name"), "locale": _l("Language"),
    "sessions_ended": _l("Sessions ended"),
}

#: Stored only to verify the record, never shown.
HIDDEN = ("sha256",)

DECLARATION_KINDS = Choices(*((text.kind, text.title) for text in DECLARATIONS))
# Named as on the supervision round page.
SUPERVISION_STATUSES = Choices(("open", _l("Open")), ("closed", _l("Finished")))

#: Fields whose stored value is a key: the vocabularies that name it (the first that knows the key wins);
#: by key, or by (action, key) as in FIELDS.
VALUES = {
    **{kind: (vocabulary,) for kind, vocabulary in SELECTION_KINDS.items()},
    "country": (COUNTRIES,), "rights": (RIGHTS,), "kind": (DOCUMENT_KINDS,),
    ("declaration.given", "kind"): (DECLARATION_KINDS,), ("declaration.given", "role"): (),
    ("supervision.sanction_recorded", "kind"): (SANCTIONS,),
    ("supervision.findings_saved", "status"): (SUPERVISION_STATUSES,),
    ("staff.created", "role"): (USER_ROLES,), ("staff.invited", "role"): (USER_ROLES,),
    "grant": (OUTCOMES,), "premises": (OUTCOMES,), "legal_basis": (LEGAL_BASES, SANCTION_BASES),
    "recommendation": (RECOMMENDATIONS,), "reason": (FLAG_REASONS,), "democracy_grounds": (GROUNDS,),
    "status": (STATUSES, QUALIFICATION_STATUSES, SCREENING_STATUSES),
}
#: Checklist answers, as answers_saved events record them against the item's key.
ANSWER_VALUES = (ANSWERS, EXCEPTION_ANSWERS)

#: Fields that hold a municipality's database id, and those that hold municipality codes (one or a list).
MUNICIPALITY_IDS = ("home_municipality_id",)
MUNICIPALITY_CODES = ("active_municipalities", "municipality")
#: Fields that hold language codes (a comma-separated string or one code), and ISO dates.
LANGUAGE_CODES = ("languages", "locale")
DATES = ("deadline", "valid_until", "follow_up_on", "rules_adopted_on")
#: Fields that hold a month's number.
MONTHS = ("period_start_month",)
