"""Deciding eligibility: reasons, the second approval of refusals, validity, supersession."""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from flask import url_for
from flask_babel import gettext as _
from sqlalchemy import select

from registry.audit.services import record_audit
from registry.core.forms import FieldValueError
from registry.core.i18n import localized
from registry.core.models import utcnow
from registry.extensions import db
from registry.screening.models import Decision, MunicipalSettings, ScreeningCase
from registry.screening.services.cases import notify_association

NEGATIVE = ("not_met", "information_missing")


@dataclass
class DecisionInput:
    """What the officer decides, with the reasons the law asks for."""

    grant_outcome: str | None
    premises_outcome: str | None
    conditions: str | None
    rules_applied: str | None
    considerations: str | None
    facts: str | None
    hearing_not_needed_because: str | None


def settings_for(municipality_id: int) -> MunicipalSettings:
    """The municipality's decision settings (defaults until an administrator changes them)."""
    settings = db.session.get(MunicipalSettings, municipality_id)
    if settings is None:
        settings = MunicipalSettings(municipality_id=municipality_id, four_eyes=True, validity_months=12,
                                     complaint_guidance={})
        db.session.add(settings)
        db.session.flush()
    return settings


def blocking_failures(case: ScreeningCase) -> list[dict]:
    """Blocking items assessed "not met" or "information missing"."""
    return [item for item in case.items if item.get("blocking") and case.answer_for(item["key"]) is not None
            and case.answer_for(item["key"]).answer in NEGATIVE]


def unanswered(case: ScreeningCase) -> list[dict]:
    """Items with no assessment yet."""
    return [item for item in case.items
            if case.answer_for(item["key"]) is None or not case.answer_for(item["key"]).answer]


def _exception_applies(case: ScreeningCase) -> bool:
    return any(item.get("answer_type") == "exception" and case.answer_for(item["key"]) is not None
               and case.answer_for(item["key"]).answer == "applies" for item in case.items)


#: The "särskilda skäl" exception can outweigh a breach of the democracy conditions, nothing else.
EXCEPTION_COVERS = ("demokrativillkor",)


def _bars_eligibility(case: ScreeningCase) -> bool:
    """A blocking failure that no recorded exception outweighs."""
    exception = _exception_applies(case)
    return any(not (exception and item.get("group") in EXCEPTION_COVERS) for item in blocking_failures(case))


def _check(case: ScreeningCase, data: DecisionInput) -> None:
    if not case.can_be_decided:
        raise FieldValueError("grant_outcome", _("Wait for the association's answer to the hearing, or for its "
                                                 "deadline to pass, before deciding.")
                              if case.status == "hearing" else _("The case can no longer be decided."))
    if unanswered(case):
        raise FieldValueError("grant_outcome", _("Assess every item before you decide."))
    if case.applies_grant != bool(data.grant_outcome) or case.applies_premises != bool(data.premises_outcome):
        raise FieldValueError("grant_outcome", _("Give an outcome for each thing applied for, and only for those."))
    outcomes = [o for o in (data.grant_outcome, data.premises_outcome) if o]
    if any(o != "not_eligible" for o in outcomes) and _bars_eligibility(case):
        raise FieldValueError("grant_outcome", _("A blocking item is not met, so the association cannot be "
                                                 "found eligible."))
    if "eligible_with_conditions" in outcomes and not data.conditions:
        raise FieldValueError("conditions", _("State the conditions."))
    if "not_eligible" in outcomes:
        for name, message in (("rules_applied", _("Name the rules applied.")),
                              ("considerations", _("State the main considerations.")),
                              ("facts", _("Describe the facts the decision relies on."))):
            if not getattr(data, name):
                raise FieldValueError(name, message)
        if not case.hearings and not data.hearing_not_needed_because:
            raise FieldValueError("hearing_not_needed_because", _(
                "Send a hearing first, or explain why the decision rests only on facts the association knows."))


def propose_decision(actor, case: ScreeningCase, data: DecisionInput) -> Decision:
    """Record a decision; a refusal waits for a second staff member where the municipality requires it."""
    _check(case, data)
    decision = Decision(case_id=case.id, proposed_by_id=actor.id, status="proposed",
                        letter_locale=_letter_locale(case), **vars(data))
    db.session.add(decision)
    db.session.flush()
    record_audit(actor, "screening.decision_proposed", case, association_id=case.association_id,
                 after={"grant": data.grant_outcome, "premises": data.premises_outcome})
    if decision.refuses and settings_for(case.municipality_id).four_eyes:
        case.status = "proposed"
        db.session.commit()
        return decision
    _make_final(actor, decision)
    return decision


def approve_decision(actor, decision: Decision) -> None:
    """A second staff member of the same municipality approves a proposed refusal."""
    if decision.status != "proposed":
        raise FieldValueError("approve", _("This decision is not awaiting approval."))
    if decision.proposed_by_id == actor.id:
        raise FieldValueError("approve", _("Another staff member must approve a decision you proposed."))
    decision.approved_by_id, decision.approved_at = actor.id, utcnow()
    _make_final(actor, decision)


def return_decision(actor, decision: Decision, comment: str) -> None:
    """Send a proposed decision back with a comment; the case reopens for a new proposal."""
    if decision.status != "proposed":
        raise FieldValueError("comment", _("This decision is not awaiting approval."))
    if decision.proposed_by_id == actor.id:
        raise FieldValueError("comment", _("Another staff member must review a decision you proposed."))
    decision.status, decision.return_comment = "returned", comment
    decision.case.status = "open"
    record_audit(actor, "screening.decision_returned", decision.case, association_id=decision.case.association_id,
                 after={"comment": comment})
    db.session.commit()


def _letter_locale(case: ScreeningCase) -> str:
    return "da" if case.association.country == "DK" else "sv"


def _add_months(start: date, months: int) -> date:
    month = start.month - 1 + months
    year, month = start.year + month // 12, month % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def _make_final(actor, decision: Decision) -> None:
    case = decision.case
    settings = settings_for(case.municipality_id)
    decision.status, decision.decided_at = "final", utcnow()
    decision.valid_until = _add_months(date.today(), settings.validity_months)
    decision.complaint_guidance = localized(settings.complaint_guidance or {}, decision.letter_locale) or None
    case.status = "decided"
    for older in db.session.scalars(select(ScreeningCase).where(
            ScreeningCase.association_id == case.association_id, ScreeningCase.municipality_id == case.municipality_id,
            ScreeningCase.id != case.id, ScreeningCase.status == "decided")):
        older.status, older.superseded_by_id = "superseded", case.id
        record_audit(actor, "screening.superseded", older, association_id=case.association_id,
                     after={"superseded_by": case.id})
    record_audit(actor, "screening.decided", case, association_id=case.association_id,
                 after={"grant": decision.grant_outcome, "premises": decision.premises_outcome,
                        "valid_until": decision.valid_until.isoformat()})
    from registry.screening.services.rescreening import resolve_flags

    resolve_flags(case.association_id, case.municipality_id)
    db.session.commit()
    notify_association(case, "screening/mail/decision.txt", decision=decision, link=url_for(
        "association_screening.decision", association_id=case.association_id, decision_id=decision.id,
        _external=True))


def decisions_due_for_renewal(municipality_id: int, within_days: int = 60, limit: int = 20) -> list[Decision]:
    """Final decisions of current cases whose validity ends soon (or has ended)."""
    horizon = date.today() + timedelta(days=within_days)
    return list(db.session.scalars(select(Decision).join(ScreeningCase).where(
        ScreeningCase.municipality_id == municipality_id, ScreeningCase.status == "decided",
        Decision.status == "final", Decision.valid_until <= horizon).order_by(Decision.valid_until).limit(limit)))


def awaiting_approval(municipality_id: int) -> list[Decision]:
    """Proposed refusals waiting for a second staff member."""
    return list(db.session.scalars(select(Decision).join(ScreeningCase).where(
        ScreeningCase.municipality_id == municipality_id, Decision.status == "proposed").order_by(Decision.id)))
