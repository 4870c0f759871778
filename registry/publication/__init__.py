"""Publication of the yearly lists of associations granted and refused support (FOL § 35 a)."""

from flask import Blueprint

bp = Blueprint("publication", __name__, template_folder="templates")
