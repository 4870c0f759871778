"""Every form of the app, as the fuzz tests post it: route, actor and fields (kinds and passing values)."""

from datetime import date

from hypothesis import strategies as st

from registry.associations.choices import (
    BOARD_ROLES,
    COLLABORATION_FORMS,
    DOCUMENT_KINDS,
    MOTIVATIONS,
    RIGHTS,
    ROLES,
    TARGET_GROUPS,
)
from registry.qualification.choices import ANSWERS, EVIDENCE_TYPES, RECOMMENDATIONS
from registry.screening.choices import GROUNDS, LEGAL_BASES, OUTCOMES
from registry.supervision.choices import SANCTION_BASES, SANCTIONS
from tests.factories import Factories
from tests.fuzz.strategies import (
    HUGE,
    Target,
    any_text,
    choice,
    day,
    email,
    file,
    flag,
    future_day,
    number,
    number_text,
    password,
    text,
    textarea,
    world_value,
)

PASSWORD = Factories.PASSWORD
NEW_PASSWORD = "a quite different sentence of words"


def _answers(keys: str, items: int = 2) -> dict:
    """The first answer blocks of a checklist case; ``keys`` names the world's list of the case's item keys."""
    fields = {}
    for index in range(items):
        prefix = f"answers-{index}-"
        fields.update({
            prefix + "item_key": world_value(lambda world, index=index: getattr(world, keys)[index]),
            prefix + "answer": choice([*ANSWERS.keys, "applies"]),
            prefix + "note": textarea("Seen at the general assembly."),
            prefix + "evidence_type": choice(EVIDENCE_TYPES.keys, "document"),
            prefix + "evidence_document_id": world_value(lambda world: str(world.document_ids[0])),
            prefix + "evidence_url": text("https://forening.example/vedtaegter"),
            prefix + "evidence_observed_on": day(),
            prefix + "evidence_source": text("Visit to the association"),
        })
    return {**fields, **_odd_rows("answers", "note")}


def _odd_rows(list_name: str, field: str) -> dict:
    """Rows numbered as no browser numbers them: absent when passing, posted with each edge value."""
    return {f"{list_name}-{index}-{field}": text(None) for index in ("²", "٣", HUGE)}


def _board(rows: int = 2) -> dict:
    fields = {}
    for index in range(rows):
        fields.update({f"board_members-{index}-name": text(["Karin Holm", "Omar Said"][index]),
                       f"board_members-{index}-role": choice(BOARD_ROLES.keys),
                       f"board_members-{index}-elected_on": day("2025-03-15")})
    return {**fields, **_odd_rows("board_members", "name")}


YES_NO = ["yes", "no"]
#: Lines of the supervision's judgement field: an association's number, a colon and the reason.
JUDGEMENT_LINES = st.one_of(textarea().kind, st.builds(lambda number, reason: f"{number}: {reason}", number_text,
                                                       any_text))

TARGETS = [
    # -- accounts ------------------------------------------------------------------------------------------------
    Target("register", "/account/register", None, {
        "display_name": text("Nina Ny"), "email": email("nina@example.org"), "password": password(NEW_PASSWORD),
        "password_confirm": password(NEW_PASSWORD)}),
    Target("login", "/account/login", None, {
        "email": world_value(lambda world: world.owner.email, email().kind), "password": password(PASSWORD),
        "remember": flag()}),
    Target("settings", "/account/settings", "owner", {
        "display_name": text("Rikke Repræsentant"), "locale": choice(["en", "da", "sv"])}),
    Target("change_password", "/account/password", "owner", {
        "current_password": password("not the password"), "password": password(NEW_PASSWORD),
        "password_confirm": password(NEW_PASSWORD)}),
    Target("forgot_password", "/account/password/forgot", None, {
        "email": world_value(lambda world: world.owner.email, email().kind)}),
    Target("reset_password", "/account/password/reset/{reset_token}", None, {
        "password": password(NEW_PASSWORD), "password_confirm": password(NEW_PASSWORD)}),
    Target("language", "/language", None, {"language": choice(["en", "da", "sv"]), "next": text("/directory")}),
    # -- the association wizard ----------------------------------------------------------------------------------
    Target("create_association", "/associations/new", "owner", {
        "name": text("Boldklubben Syd"), "country": choice(["DK", "SE"])}),
    Target("identity", "/associations/{association.id}/step/identity", "owner", {
        "name": text("Boldklubben Nord"), "country": choice(["DK", "SE"]), "registration_number": text("13585628"),
        "no_registration_number": flag(""),
        "home_municipality": world_value(lambda world: str(world.association.home_municipality_id)),
        "active_municipalities": world_value(lambda world: [str(id_) for id_ in world.municipality_ids()]),
        "address": text("Hovedgaden 12"), "postcode": text("8000"), "city": text("Aarhus C"),
        "website": text("www.boldklubben-nord.dk"), "email": email(), "phone": text("+45 86 12 34 56"),
        "action": choice(["save", "next"])}),
    Target("purpose", "/associations/{association.id}/step/purpose", "owner", {
        "purpose": textarea("At fremme fællesskab gennem idræt."), "activities": textarea("Fodbold."),
        "target_groups": choice(TARGET_GROUPS.keys, many=True), "target_groups_other": textarea(""),
        "local_areas": textarea("Gellerup\r\nToveshøj"), "languages": choice(["da", "ar", "so"], many=True)}),
    Target("governance", "/associations/{association.id}/step/governance", "owner", {
        **_board(), "member_count": number("120"), "paying_member_count": number("95"),
        "volunteer_count": number("14"), "founded_year": number("1987"),
        "assembly_elects_board": choice(YES_NO), "open_to_all": choice(YES_NO), "non_commercial": choice(YES_NO),
        "add_row": flag(None), "remove_row": number(None)}),
    Target("roles", "/associations/{association.id}/step/roles", "owner", {
        "roles": choice(ROLES.keys, many=True), "roles_description": textarea(""),
        "motivations": choice(MOTIVATIONS.keys, many=True), "motivations_other": textarea(""),
        "collaboration_forms": choice(COLLABORATION_FORMS.keys, many=True), "collaboration_note": textarea("")}),
    Target("documents", "/associations/{association.id}/documents", "owner", {
        "kind": choice(DOCUMENT_KINDS.keys), "file": file()}, multipart=True),
    Target("declarations", "/associations/{draft.id}/declarations/democracy", "owner", {
        "democracy-confirm": flag(), "democracy-signer_name": text("Anna Berg"),
        "democracy-signer_role": text("Formand")}),
    Target("consent", "/associations/{association.id}/consent", "owner", {"public_profile": flag()}),
    Target("invite_representative", "/associations/{association.id}/people/invite", "owner", {
        "email": email("ny@forening.example"), "rights": choice(RIGHTS.keys)}),
    # -- staff ---------------------------------------------------------------------------------------------------
    Target("invite_staff", "/staff/people/invite", "admin", {
        "display_name": text("Nils Ny"), "email": email("nils@aarhus.example"),
        "role": choice(["officer", "administrator"])}),
    Target("join_staff", "/staff/join/{staff_token}", None, {
        "password": password(NEW_PASSWORD), "password_confirm": password(NEW_PASSWORD)}),
    Target("resend_verification", "/account/verify/resend", "owner", {"next": text("/associations/")}),
    Target("qualification_case", "/staff/qualification/{qualification_case.id}", "officer", {
        "lock_version": world_value(lambda world: world.version_of(world.qualification_case)),
        **_answers("qualification_keys")}),
    Target("qualification_conclude", "/staff/qualification/{answered_case.id}/conclude", "officer", {
        "conclude-lock_version": world_value(lambda world: world.version_of(world.answered_case)),
        "conclude-recommendation": choice(RECOMMENDATIONS.keys), "conclude-summary": textarea("Fine.")}),
    Target("screening_open", "/staff/screening/associations/{association.id}/open", "officer", {
        "screening-legal_basis": choice(LEGAL_BASES.keys), "screening-applies_grant": flag(),
        "screening-applies_premises": flag("")}),
    Target("screening_answers", "/staff/screening/{screening_case.id}", "officer", {
        "lock_version": world_value(lambda world: world.version_of(world.screening_case)),
        **_answers("screening_keys")}),
    Target("screening_hearing", "/staff/screening/{screening_case.id}/hearing", "officer", {
        "hearing-facts": textarea("The neighbours say so."), "hearing-deadline": future_day()}),
    Target("screening_decision", "/staff/screening/{assessed_case.id}/decision", "officer", {
        "decision-grant_outcome": choice(OUTCOMES.keys), "decision-premises_outcome": choice(["", *OUTCOMES.keys]),
        "decision-conditions": textarea(""), "decision-rules_applied": textarea("Folkeoplysningsloven § 4."),
        "decision-considerations": textarea("Reasons."), "decision-facts": textarea("Facts."),
        "decision-hearing_not_needed_because": textarea("")}),
    Target("screening_return", "/staff/screening/decisions/{proposed_refusal.id}/return", "colleague", {
        "review-comment": textarea("Please give more reasons.")}),
    Target("screening_settings", "/staff/screening/settings", "admin", {
        "rules_name": text("Regler for tilskud"), "rules_adopted_on": day("2025-01-30"),
        "delegation": text("Delegationsplan, pkt. 3.2"), "four_eyes": flag(), "validity_months": number("12"),
        "period_start_month": number("1"), **{f"ground_{ground}": text("afsnit 5.1") for ground in GROUNDS.keys},
        **{f"complaint_guidance_{locale}": textarea("Klag til Ankestyrelsen.") for locale in ("da", "sv", "en")}}),
    Target("hearing_answer", "/associations/{hearing.case.association_id}/hearings/{hearing.id}", "owner", {
        "answer": textarea("We disagree, see the minutes."), "file": file()}, multipart=True),
    Target("concern", "/staff/screening/associations/{association.id}/concern", "officer", {
        "note": textarea("A complaint from a neighbour.")}),
    Target("award", "/staff/awards/cases/{decided_case.id}", "officer", {
        "year": number(str(date.today().year)), "grant": flag(), "premises": flag(""), "amount": number("25000"),
        "decision_reference": text("Kultur- og Fritidsudvalget, pkt. 4"), "nothing_new": flag()}),
    # -- supervision, checklists, publication -------------------------------------------------------------------
    Target("supervision_draw", "/staff/supervision/draw", "admin", {
        "year": number(str(date.today().year)), "sample_size": number("1"), "sample_percent": number(""),
        "seed": number("42"), "judgement": world_value(
            lambda world: f"{world.association.id}: A complaint.", JUDGEMENT_LINES,
            edges=tuple(f"{number}: A complaint." for number in ("²", "٣", HUGE, "2147483648", "-1", "0")))}),
    Target("supervision_findings", "/staff/supervision/cases/{supervision_case.id}", "officer", {
        "findings-findings": textarea("All in order."), "findings-closed": flag("")}),
    Target("supervision_sanction", "/staff/supervision/cases/{supervision_case.id}/sanctions", "officer", {
        "sanction-kind": choice(SANCTIONS.keys), "sanction-legal_basis": choice(SANCTION_BASES.keys),
        "sanction-reasons": textarea("Money spent outside the purpose."), "sanction-follow_up_on": future_day()}),
    Target("checklist_item", "/staff/checklists/items", "admin", {
        **{f"text_{locale}": textarea(f"Local item ({locale})") for locale in ("da", "sv", "en")},
        **{f"guidance_{locale}": textarea("") for locale in ("da", "sv", "en")},
        "source": text("Kommunens retningslinjer 2025"), "blocking": flag("")}),
    Target("publication", "/staff/publication", "admin", {"year": number(str(date.today().year))}),
]
