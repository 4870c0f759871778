"""Eligibility screening before a grant or premises: checklist, hearing, decision, letter."""

from flask import Blueprint

bp = Blueprint("screening", __name__, template_folder="templates")

#: The association's side: hearings to answer and decisions to read.
association_bp = Blueprint("association_screening", __name__, template_folder="templates")
