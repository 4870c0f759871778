"""Screening views: the staff side and the association's side."""

from flask import abort

from registry.associations.services.lookup import get_association_or_404
from registry.core.authz import loads
from registry.extensions import db
from registry.screening.models import Decision, Hearing, ScreeningCase

load_case = loads(ScreeningCase, "case")
load_decision = loads(Decision, "decision")


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
