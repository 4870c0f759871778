"""What is missing from a profile, submission to the home municipality, public-profile consent."""

from dataclasses import dataclass

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from registry.associations.choices import DOCUMENT_KINDS, REQUIRED_DOCUMENTS
from registry.associations.declarations import required_for
from registry.associations.models import Association
from registry.associations.services.files import current_declarations, documents_of
from registry.audit.services import record_audit
from registry.core.forms import FieldValueError
from registry.core.locking import lock
from registry.core.models import utcnow
from registry.extensions import db

STEPS = (
    ("identity", _l("Identity")),
    ("purpose", _l("Purpose and activities")),
    ("governance", _l("Governance")),
    ("roles", _l("Roles and motivations")),
    ("documents", _l("Documents")),
    ("declarations", _l("Declarations")),
    ("review", _l("Review and submit")),
)


@dataclass
class Missing:
    """Something the profile lacks, and the step where it is given."""

    step: str
    text: str


def _profile_gaps(association: Association) -> list[Missing]:
    gaps = []
    if association.home_municipality_id is None or not association.email:
        gaps.append(Missing("identity", _("Home municipality and contact details")))
    if not association.purpose or not association.activities:
        gaps.append(Missing("purpose", _("Purpose and activities")))
    if not association.board_members or association.assembly_elects_board is None:
        gaps.append(Missing("governance", _("Board and governance")))
    if not association.selected("role"):
        gaps.append(Missing("roles", _("Roles, motivations and forms of collaboration")))
    return gaps


def missing_items(association: Association) -> list[Missing]:
    """Everything a municipality expects that the association has not yet given."""
    gaps = _profile_gaps(association)
    kinds = {document.kind for document in documents_of(association)}
    for kind in REQUIRED_DOCUMENTS:
        if kind not in kinds:
            gaps.append(Missing("documents", str(DOCUMENT_KINDS.label(kind))))
    given = current_declarations(association)
    for text in required_for(association.country):
        declaration = given.get(text.kind)
        if declaration is None:
            gaps.append(Missing("declarations", str(text.title)))
        elif declaration.text_version != text.version:
            gaps.append(Missing("declarations", _("%(title)s (the text has changed; please declare again)",
                                                  title=text.title)))
    return gaps


def warnings_for(association: Association) -> list[str]:
    """Facts staff will notice, shown to the association before it submits."""
    notes = []
    if association.no_registration_number:
        if association.country == "DK":
            notes.append(_("The association has no CVR number. Many municipalities need one to pay a grant."))
        else:
            notes.append(_("The association has no organisationsnummer. Many municipalities need one "
                           "to pay a grant."))
    return notes


def completed_steps(association: Association) -> set[str]:
    """Steps with nothing missing (used to tick the progress list)."""
    missing = {gap.step for gap in missing_items(association)}
    return {key for key, _label in STEPS[:-1] if key not in missing}


def submit_association(actor, association: Association) -> None:
    """Send the profile to the home municipality; refused while anything is missing."""
    if not actor.is_verified:
        raise FieldValueError("submit", _("Confirm your e-mail address before you submit. "
                                          "Use the link in the e-mail we sent you."))
    if missing_items(association):
        raise FieldValueError("submit", _("Some information is still missing. See the list above."))
    lock(association)  # a double click or two owners at once make one first submission, not two
    first = association.submitted_at is None
    association.status, association.submitted_at = "submitted", utcnow()
    record_audit(actor, "association.submitted" if first else "association.resubmitted", association,
                 association_id=association.id, after={"status": "submitted"})
    db.session.commit()


def set_public_profile(actor, association: Association, public: bool) -> None:
    """Give or withdraw consent to the public profile page."""
    if association.public_profile == public:
        return
    association.public_profile, association.public_profile_changed_at = public, utcnow()
    record_audit(actor, "association.public_profile_changed", association, association_id=association.id,
                 before={"public_profile": not public}, after={"public_profile": public})
    db.session.commit()
