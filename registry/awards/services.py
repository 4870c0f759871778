"""Recording awards: only while a valid screening stands, and only after nothing new has come up.

Folkeoplysningsloven § 4 a is assessed at each award («ved den enkelte tildeling»), and § 4, stk. 4's declaration
belongs to each application: a standing screening supports a later award only when the officer confirms at that
award that nothing new has come up, with no open re-screening flag and the declarations of the current period.
"""

from dataclasses import dataclass
from datetime import date

from flask_babel import lazy_gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from registry.associations.declarations import BY_KIND
from registry.associations.services.files import current_declarations, declaration_current
from registry.audit.services import record_audit
from registry.awards.models import Award
from registry.core.forms import FieldValueError, raise_all
from registry.extensions import db
from registry.screening.models import Decision, RescreeningFlag, ScreeningCase
from registry.screening.services.decisions import ELIGIBLE
from registry.screening.services.settings import period_start, settings_for

#: The declarations the law asks for with each application: FOL § 4, stk. 4 on the Act's own bases, none elsewhere.
DECLARATIONS_FOR_BASIS = {"dk_fol_stk2": ("child_certificates",), "dk_fol_stk3": ("child_certificates",),
                          "dk_44a": (), "se_grant_premises": ()}


@dataclass
class AwardInput:
    """An award as staff record it."""

    year: int
    grant: bool
    premises: bool
    amount: int | None
    decision_reference: str
    nothing_new: bool


def standing_decision(case: ScreeningCase) -> Decision | None:
    """The case's final decision, if the case is the association's current screening."""
    if case.status != "decided":
        return None
    return next((decision for decision in case.decisions if decision.status == "final"), None)


def _eligible_for_something(decision: Decision | None) -> bool:
    return decision is not None and any(outcome in ELIGIBLE for outcome in (decision.grant_outcome,
                                                                             decision.premises_outcome))


def standing_problems(case: ScreeningCase, today: date) -> list[FieldValueError]:
    """Why no award can rest on this screening today (empty when one can)."""
    decision = standing_decision(case)
    if decision is None:
        return [FieldValueError("case", _("The screening has no decision that stands: an award needs the "
                                          "association's current, final screening."))]
    found = []
    if decision.valid_until is None or decision.valid_until < today:
        found.append(FieldValueError("case", _("The screening's validity has ended. Screen the association again "
                                               "before an award.")))
    if db.session.scalar(select(RescreeningFlag.id).where(
            RescreeningFlag.association_id == case.association_id, RescreeningFlag.municipality_id ==
            case.municipality_id, RescreeningFlag.resolved_at.is_(None)).limit(1)) is not None:
        found.append(FieldValueError("case", _("The association is marked for re-screening. Screen it again "
                                               "before an award.")))
    if not _eligible_for_something(decision):
        found.append(FieldValueError("case", _("The screening did not find the association eligible.")))
    start = period_start(settings_for(case.municipality_id), today)
    declarations = current_declarations(case.association)
    for kind in DECLARATIONS_FOR_BASIS[case.legal_basis]:
        if not declaration_current(declarations.get(kind), start):
            found.append(FieldValueError("case", _(
                "The association has not given the declaration \"%(title)s\" in the current application period, "
                "which began on %(date)s.", title=BY_KIND[kind].title, date=start.isoformat())))
    return found


def award_problems(case: ScreeningCase, data: AwardInput, today: date) -> list[FieldValueError]:
    """Everything that stands in the way of this award, all at once."""
    found = standing_problems(case, today)
    decision = standing_decision(case)
    if not (data.grant or data.premises):
        found.append(FieldValueError("grant", _("Choose grant, premises or both.")))
    elif _eligible_for_something(decision):  # else standing_problems has said so already
        if data.grant and decision.grant_outcome not in ELIGIBLE:
            found.append(FieldValueError("grant", _("The screening did not find the association eligible for a "
                                                    "grant.")))
        if data.premises and decision.premises_outcome not in ELIGIBLE:
            found.append(FieldValueError("premises", _("The screening did not find the association eligible for "
                                                       "premises.")))
    if not today.year - 1 <= data.year <= today.year + 1:
        found.append(FieldValueError("year", _("Give a year from %(first)d to %(last)d.", first=today.year - 1,
                                               last=today.year + 1)))
    if not data.nothing_new:
        found.append(FieldValueError("nothing_new", _(
            "Confirm that nothing new has come up since the screening, or screen the association again.")))
    return found


def record_award(actor, case: ScreeningCase, data: AwardInput) -> Award:
    """Record an award resting on the case, after every check has passed."""
    raise_all(award_problems(case, data, date.today()))
    award = Award(association_id=case.association_id, municipality_id=case.municipality_id, case_id=case.id,
                  year=data.year, grant=data.grant, premises=data.premises, amount=data.amount,
                  decision_reference=data.decision_reference, recorded_by_id=actor.id)
    db.session.add(award)
    db.session.flush()
    record_audit(actor, "award.recorded", award, association_id=case.association_id, after={
        "year": data.year, "grant": data.grant, "premises": data.premises, "amount": data.amount,
        "decision_reference": data.decision_reference, "screening": case.number, "nothing_new": True})
    db.session.commit()
    return award


def awards_of_case(case: ScreeningCase) -> list[Award]:
    """Awards resting on a screening, newest first, with who recorded them."""
    return list(db.session.scalars(select(Award).where(Award.case_id == case.id)
                                   .options(selectinload(Award.recorded_by)).order_by(Award.id.desc())))
