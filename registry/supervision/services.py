"""Drawing a reproducible supervision sample, recording findings and sanctions."""

import random
import secrets
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import select

from registry.associations.models import Association
from registry.audit.services import record_audit
from registry.awards.models import Award
from registry.core.forms import FieldValueError
from registry.extensions import db
from registry.staff.scope import visible_to_staff
from registry.supervision.models import Sanction, SupervisionCase, SupervisionRound


def supported_associations(municipality_id: int, year: int) -> list[int]:
    """Associations awarded a grant or premises for the year or the year before: those the supervision covers.

    Supervision follows the support actually given (folkeoplysningsloven § 33, stk. 5, and § 44 a, stk. 3), so the
    population is drawn from recorded awards, not from eligibility findings.
    """
    return sorted(set(db.session.scalars(select(Award.association_id).where(
        Award.municipality_id == municipality_id, Award.year.in_((year - 1, year))))))


def random_part(population: list[int], seed: int, size: int | None, percent: int | None) -> list[int]:
    """The random sample: the same population, seed and size always give the same associations."""
    count = size if size is not None else round(len(population) * (percent or 0) / 100)
    count = max(0, min(count, len(population)))
    return sorted(random.Random(seed).sample(sorted(population), count))


def draw_round(actor, year: int, size: int | None, percent: int | None, judgement: dict[int, str],
               seed: int | None = None) -> SupervisionRound:
    """Draw the year's sample, add associations chosen by judgement, and open a case for each."""
    if db.session.scalar(select(SupervisionRound.id).where(
            SupervisionRound.municipality_id == actor.municipality_id, SupervisionRound.year == year)):
        raise FieldValueError("year", _("A supervision round for this year already exists."))
    if (size is None) == (percent is None):
        raise FieldValueError("sample_size", _("Give the size of the random sample as a number or a percentage."))
    known = set(db.session.scalars(select(Association.id).where(
        Association.id.in_(list(judgement)), visible_to_staff(actor.municipality_id))))
    unknown = sorted(set(judgement) - known)
    if unknown:
        raise FieldValueError("judgement", _("Association number %(number)d is not in the municipality's register.",
                                             number=unknown[0]))
    population = supported_associations(actor.municipality_id, year)
    seed = seed if seed is not None else secrets.randbelow(2**31)
    supervision = SupervisionRound(municipality_id=actor.municipality_id, year=year, seed=seed, sample_size=size,
                                   sample_percent=percent, population=population, drawn_by_id=actor.id)
    db.session.add(supervision)
    db.session.flush()
    drawn = random_part(population, seed, size, percent)
    for association_id in drawn:
        db.session.add(SupervisionCase(round_id=supervision.id, association_id=association_id, selection="random"))
    for association_id, reason in judgement.items():
        if association_id not in drawn:
            db.session.add(SupervisionCase(round_id=supervision.id, association_id=association_id,
                                           selection="judgement", reason=reason))
    record_audit(actor, "supervision.drawn", supervision, after={
        "year": year, "seed": seed, "population": len(population), "random": drawn, "judgement": judgement})
    db.session.commit()
    return supervision


def reproduces(supervision: SupervisionRound) -> bool:
    """Draw again from the recorded population and seed; True if it gives the recorded random cases."""
    recorded = sorted(case.association_id for case in supervision.cases if case.selection == "random")
    return random_part(supervision.population, supervision.seed, supervision.sample_size,
                       supervision.sample_percent) == recorded


def save_findings(actor, case: SupervisionCase, findings: str | None, closed: bool) -> None:
    """Record what the supervision found."""
    before = {"findings": case.findings, "status": case.status}
    case.findings, case.status = findings, "closed" if closed else "open"
    record_audit(actor, "supervision.findings_saved", case, association_id=case.association_id, before=before,
                 after={"findings": findings, "status": case.status})
    db.session.commit()


def add_sanction(actor, case: SupervisionCase, kind: str, legal_basis: str, reasons: str,
                 follow_up_on: date) -> Sanction:
    """Record a sanction with reasons and a follow-up date."""
    if follow_up_on < date.today():
        raise FieldValueError("follow_up_on", _("The follow-up date cannot be in the past."))
    sanction = Sanction(case_id=case.id, kind=kind, legal_basis=legal_basis, reasons=reasons,
                        follow_up_on=follow_up_on, created_by_id=actor.id)
    db.session.add(sanction)
    db.session.flush()
    record_audit(actor, "supervision.sanction_recorded", sanction, association_id=case.association_id,
                 after={"kind": kind, "legal_basis": legal_basis, "follow_up_on": follow_up_on.isoformat()})
    db.session.commit()
    return sanction


def rounds_of(municipality_id: int) -> list[SupervisionRound]:
    """The municipality's rounds, newest year first."""
    return list(db.session.scalars(select(SupervisionRound).where(
        SupervisionRound.municipality_id == municipality_id).order_by(SupervisionRound.year.desc())))
