"""Public yearly lists and the administrator's publish page."""

from datetime import date

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from registry.core.authz import require
from registry.publication import bp, policies, services


def _labels() -> dict[str, str]:
    return {"granted": _("Granted"), "refused": _("Refused")}


@bp.get("/lists")
@require(policies.anyone)
def index():
    """All published lists."""
    return render_template("publication/index.html", lists=services.published_lists())


def _find(country: str, code: str, year: int):
    published = services.find_list(country.upper(), code, year)
    if published is None:
        abort(404)
    return published


@bp.get("/lists/<country>/<code>/<int:year>")
@require(policies.anyone)
def show(country: str, code: str, year: int):
    """A municipality's list of a year: associations granted and refused grants or premises."""
    return render_template("publication/list.html", published=_find(country, code, year), labels=_labels())


@bp.get("/lists/<country>/<code>/<int:year>.csv")
@require(policies.anyone)
def download(country: str, code: str, year: int):
    """The list as CSV."""
    published = _find(country, code, year)
    body = services.as_csv(published, _labels(), [_("Association"), _("CVR number or organisationsnummer"),
                                                  _("Grant"), _("Premises")])
    return Response(body, mimetype="text/csv; charset=utf-8", headers={
        "Content-Disposition": f"attachment; filename=support-{country.lower()}-{code}-{year}.csv"})


@bp.route("/staff/publication", methods=["GET", "POST"])
@require(policies.is_administrator)
def manage():
    """Preview the year's list and publish it."""
    year = request.values.get("year", date.today().year, type=int)
    if request.method == "POST":
        published = services.publish_list(current_user, year)
        flash(_("The list for %(year)d has been published.", year=year), "success")
        return redirect(url_for("publication.show", country=published.municipality.country.lower(),
                                code=published.municipality.code, year=year), code=303)
    return render_template("publication/manage.html", year=year, labels=_labels(),
                           entries=services.list_entries(current_user.municipality_id, year))
