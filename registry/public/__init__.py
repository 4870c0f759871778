"""Public pages: the front page, the language switch and consented association profiles."""

from flask import Blueprint

bp = Blueprint("public", __name__, template_folder="templates")

