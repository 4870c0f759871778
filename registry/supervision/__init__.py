"""Yearly supervision: a reproducible sample, findings and sanctions (FOL § 33 stk. 5, § 44 a stk. 2)."""

from flask import Blueprint

bp = Blueprint("supervision", __name__, template_folder="templates")
