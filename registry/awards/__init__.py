"""Awards: the grants and premises a municipality actually gives, each resting on a screening that stands."""

from flask import Blueprint

bp = Blueprint("awards", __name__, template_folder="templates")
