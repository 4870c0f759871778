"""The municipal staff workspace: dashboard, register search, exports, staff management.

Views are imported by registry.web when the blueprint is registered, so that the
services they use can import staff models without an import cycle.
"""

from flask import Blueprint

bp = Blueprint("staff", __name__, template_folder="templates")
