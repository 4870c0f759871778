"""Associations: self-registration, the profile wizard, documents, declarations, representatives."""

from flask import Blueprint

bp = Blueprint("associations", __name__, template_folder="templates")


from registry.associations.labels import template_context  # noqa: E402

bp.app_context_processor(template_context)
