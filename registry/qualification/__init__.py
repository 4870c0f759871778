"""Partner qualification: cases answered item by item against a versioned checklist."""

from flask import Blueprint

bp = Blueprint("qualification", __name__, template_folder="templates")
