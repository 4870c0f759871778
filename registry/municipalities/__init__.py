"""Municipalities: the 98 Danish and 290 Swedish kommuner as reference data."""

from flask import Blueprint

bp = Blueprint("municipalities", __name__, template_folder="templates")

