"""Deciding eligibility: binding criteria, reasons, the hearing, the second approval, validity, supersession."""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from flask import url_for
from flask_babel import lazy_gettext as _
from sqlalchemy import select

from registry.audit.services import record_audit
from registry.core.forms import FieldValueError, raise_all
from registry.core.i18n import localized
from registry.core.locking import lock
from registry.core.models import utcnow
from registry.extensions import db
from registry.screening import criteria
from registry.screening.models import Decision, ScreeningCase, short_of_full_grant
from registry.screening.services.cases import notify_association
from registry.screening.services.settings import missing_before_decision, rules_snapshot, settings_for

#: Outcomes that find the association eligible, with or without conditions.
ELIGIBLE = ("eligible", "eligible_with_conditions")


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

    @property
    def outcomes(self) -> dict[str, str]:
        """Outcome by what was applied for."""
        return {kind: outcome for kind, outcome in (("grant", self.grant_outcome), ("premises", self.premises_outcome))
                if outcome}

    @property
    def adverse(self) -> bool:
        """Short of a full, unconditional grant: a refusal, a partial grant or conditions (FVL § 22, FL 32 §)."""
        return short_of_full_grant(self.grant_outcome, self.premises_outcome)


def _answer(case: ScreeningCase, key: str) -> str | None:
    answer = case.answer_for(key)
    return answer.answer if answer is not None else None


def unanswered(case: ScreeningCase) -> list[dict]:
    """Items the municipality's rules ask to assess that have no assessment yet."""
    grounds = settings_for(case.municipality_id).democracy_grounds or {}
    return [item for item in case.items
            if criteria.must_be_assessed(item, grounds) and not _answer(case, item["key"])]


def barring_items(case: ScreeningCase, kind: str, grounds: dict[str, str]) -> list[dict]:
    """Items whose answer makes an eligible outcome for ``kind`` (grant or premises) impossible.

    The "särskilda skäl" exception outweighs failures of the democracy conditions only, and only where the
    municipality's rules contain it.
    """
    exception = criteria.exception_applies(case.items, lambda key: _answer(case, key), grounds)
    return [item for item in case.items
            if kind in criteria.concerns(item) and _answer(case, item["key"]) is not None
            and criteria.bars(item, _answer(case, item["key"]), grounds)
            and not (exception and item.get("group") in criteria.EXCEPTION_COVERS)]


def blocking_failures(case: ScreeningCase) -> list[dict]:
    """Items that bar an eligible outcome for something the case applies for, under today's settings."""
    grounds = settings_for(case.municipality_id).democracy_grounds or {}
    kinds = [kind for kind, applied in (("grant", case.applies_grant), ("premises", case.applies_premises)) if applied]
    barred = {item["key"] for kind in kinds for item in barring_items(case, kind, grounds)}
    return [item for item in case.items if item["key"] in barred]


def letter_locale(case: ScreeningCase) -> str:
    """The language of the letter: the association's country's."""
    return "da" if case.association.country == "DK" else "sv"


def problems(case: ScreeningCase, data: DecisionInput) -> list[FieldValueError]:
    """Everything that stands in the way of this decision, all at once.

    Item problems are keyed "item-<key>", so the page can name and link the item.
    """
    if not case.can_be_decided:
        return [FieldValueError("grant_outcome", _(
            "Wait for the association's answer to the hearing, or for its deadline to pass, before deciding.")
            if case.status == "hearing" else _("The case can no longer be decided."))]
    settings = settings_for(case.municipality_id)
    found = [FieldValueError(f"item-{item['key']}", _("Not assessed yet.")) for item in unanswered(case)]
    if case.applies_grant != bool(data.grant_outcome) or case.applies_premises != bool(data.premises_outcome):
        found.append(FieldValueError("grant_outcome", _(
            "Give an outcome for each thing applied for, and only for those.")))
    found += _eligibility_problems(case, data, settings.democracy_grounds or {})
    if data.adverse:
        found += _reasons_problems(case, data)
    found += [FieldValueError(field, message) for field, message in missing_before_decision(
        settings, case.association.country, letter_locale(case), data.adverse)]
    return found


def _eligibility_problems(case: ScreeningCase, data: DecisionInput, grounds: dict) -> list[FieldValueError]:
    found, named = [], set()
    for kind, outcome in data.outcomes.items():
        if outcome not in ELIGIBLE:
            continue
        for item in barring_items(case, kind, grounds):
            if item["key"] not in named:
                named.add(item["key"])
                found.append(FieldValueError(f"item-{item['key']}", _(
                    "This criterion is not met, so the association cannot be found eligible.")))
    if data.grant_outcome == "eligible" and any(criteria.limits_grant(item, _answer(case, item["key"]))
                                                for item in case.items):
        found.append(FieldValueError("grant_outcome", _(
            "Some activities are kept out of the grant (folkeoplysningsloven § 33, stk. 4): choose \"eligible "
            "with conditions\" and name those activities in the conditions.")))
    if "eligible_with_conditions" in data.outcomes.values() and not data.conditions:
        found.append(FieldValueError("conditions", _("State the conditions.")))
    return found


def _reasons_problems(case: ScreeningCase, data: DecisionInput) -> list[FieldValueError]:
    """Reasons (FVL §§ 22, 24; FL 32 §) and the hearing (FVL § 19; FL 25 §) for anything short of a full grant."""
    found = [FieldValueError(name, message) for name, message in (
        ("rules_applied", _("Name the rules applied.")),
        ("considerations", _("State the main considerations.")),
        ("facts", _("Describe the facts the decision relies on."))) if not getattr(data, name)]
    if not case.hearings and not data.hearing_not_needed_because:
        found.append(FieldValueError("hearing_not_needed_because", _(
            "Send a hearing first, or explain why the decision rests only on facts the association knows.")
            if case.association.country == "DK" else _(
            "Send the material to the association first (kommunicering), or explain why that is obviously "
            "unnecessary.")))
    return found


def propose_decision(actor, case: ScreeningCase, data: DecisionInput) -> Decision:
    """Record a decision; a refusal waits for a second staff member where the municipality requires it."""
    lock(case)  # two officers deciding the same case at once: the second finds it decided
    raise_all(problems(case, data))
    decision = Decision(case_id=case.id, proposed_by_id=actor.id, status="proposed",
                        letter_locale=letter_locale(case), **vars(data))
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
    lock(decision)  # two approvers at once: one approval, one "not awaiting approval"
    if decision.status != "proposed":
        raise FieldValueError("approve", _("This decision is not awaiting approval."))
    if decision.proposed_by_id == actor.id:
        raise FieldValueError("approve", _("Another staff member must approve a decision you proposed."))
    case = decision.case
    missing = missing_before_decision(settings_for(case.municipality_id), case.association.country,
                                      decision.letter_locale, decision.adverse)
    raise_all([FieldValueError("approve", message) for _field, message in missing])
    decision.approved_by_id, decision.approved_at = actor.id, utcnow()
    _make_final(actor, decision)


def return_decision(actor, decision: Decision, comment: str) -> None:
    """Send a proposed decision back with a comment; the case reopens for a new proposal."""
    lock(decision)
    if decision.status != "proposed":
        raise FieldValueError("comment", _("This decision is not awaiting approval."))
    if decision.proposed_by_id == actor.id:
        raise FieldValueError("comment", _("Another staff member must review a decision you proposed."))
    decision.status, decision.return_comment = "returned", comment
    decision.case.status = "open"
    record_audit(actor, "screening.decision_returned", decision.case, association_id=decision.case.association_id,
                 after={"comment": comment})
    db.session.commit()


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
    decision.rules_cited = rules_snapshot(settings)
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
    notify_association(case, "screening/mail/decision.txt", decision=decision, link=url_for(
        "association_screening.decision", association_id=case.association_id, decision_id=decision.id,
        _external=True))
    db.session.commit()


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
