"""Accounts: registration, e-mail verification, login, passwords and language preference."""

from flask import Blueprint

bp = Blueprint("accounts", __name__, template_folder="templates")

