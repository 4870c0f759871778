"""Screening views: the staff side and the association's side."""

from flask import abort

from registry.associations.services.lookup import get_association_or_404
from registry.extensions import db
from registry.screening.models import Decision, Hearing, ScreeningCase


def load_case(case_id: int) -> dict:
    """URL loader: the screening case, or 404."""
    case = db.session.get(ScreeningCase, case_id)
    if case is None:
        abort(404)
    return {"case": case}


def load_decision(decision_id: int) -> dict:
    """URL loader: the decision, or 404."""
    decision = db.session.get(Decision, decision_id)
    if decision is None:
        abort(404)
    return {"decision": decision}


def load_association_child(model, key: str):
    """URL loader for a hearing or decision under /associations/<id>/…: both must belong together."""

    def load(association_id: int, **kwargs) -> dict:
        association = get_association_or_404(association_id)
        child = db.session.get(model, kwargs[f"{key}_id"])
        if child is None or child.case.association_id != association.id:
            abort(404)
        return {"association": association, key: child}

    return load


load_hearing = load_association_child(Hearing, "hearing")
load_association_decision = load_association_child(Decision, "decision")
