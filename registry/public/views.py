"""Front page, language switch, public association list and profiles."""

from flask import abort, current_app, redirect, render_template, request, send_from_directory, session, url_for
from flask_login import current_user

from registry.associations.models import Association
from registry.associations.public import public_profiles
from registry.core.authz import loads, require
from registry.core.inputs import is_single_line, page_arg
from registry.core.urls import safe_next
from registry.public import bp, policies
from registry.public.services import remember_locale


@bp.get("/")
@require(policies.anyone)
def home():
    """The front page: what Partnerregister is, for associations and for municipalities."""
    return render_template("public/home.html")


@bp.get("/favicon.ico")
@require(policies.anyone)
def favicon():
    """The site icon, for browsers that ask for /favicon.ico instead of reading the pages' link to it."""
    # The SVG itself rather than a redirect to it: one request, and the same file as the pages link to.
    return send_from_directory(current_app.static_folder, "favicon.svg", mimetype="image/svg+xml", max_age=86400)


@bp.post("/language")
@require(policies.anyone)
def set_language():
    """Switch language for this visit, and remember it for a logged-in user."""
    language = request.form.get("language", "")
    if language not in current_app.config["LANGUAGES"]:
        abort(400)
    session["locale"] = language
    if current_user.is_authenticated:
        remember_locale(current_user, language)
    return redirect(safe_next(request.form.get("next"), url_for("public.home")), code=303)


@bp.get("/directory")
@require(policies.anyone)
def associations():
    """Associations that chose a public profile, filterable by country and name."""
    query = request.args.get("q", "").strip()[:100]
    if not is_single_line(query):
        query = ""  # a NUL byte cannot even be compared in PostgreSQL; no name holds a control character
    country = request.args.get("country", "")
    page = page_arg()
    results = public_profiles(query=query, country=country if country in ("DK", "SE") else "", page=page)
    return render_template("public/associations.html", results=results, query=query, country=country)


@bp.get("/directory/<int:association_id>")
@require(policies.can_view_profile, load=loads(Association, "association"), hide=True)
def profile(association):
    """An association's public profile page."""
    return render_template("public/profile.html", association=association, public=policies.is_public(association))
