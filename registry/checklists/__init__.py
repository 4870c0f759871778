"""Checklist templates: versioned data files, plus each municipality's local items."""

from flask import Blueprint

bp = Blueprint("checklists", __name__, template_folder="templates")
