"""Public yearly lists and the administrator's publish page."""

import re
from datetime import date

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from registry.core.authz import require
from registry.core.downloads import attachment
from registry.core.inputs import parse_int
from registry.core.spreadsheets import CSV_TYPE
from registry.publication import bp, policies, services


def _list_names() -> dict[str, str]:
    return {"granted": _("Received grants or premises"), "refused": _("Refused grants or premises")}


FIRST_YEAR = 2017  # § 35 a came into force on 1 January 2017
_CODE = re.compile(r"[A-Za-z0-9]{1,10}")


@bp.get("/lists")
@require(policies.anyone)
def index():
    """All published lists."""
    return render_template("publication/index.html", lists=services.published_lists())


def _find(country: str, code: str, year: int):
    # Codes and countries are short ASCII letters and digits; anything else (a NUL byte cannot even be compared
    # in PostgreSQL) names no list, nor does a year before the lists began.
    if not (FIRST_YEAR <= year <= 9999 and _CODE.fullmatch(country) and _CODE.fullmatch(code)):
        abort(404)
    published = services.find_list(country.upper(), code, year)
    if published is None:
        abort(404)
    return published


@bp.get("/lists/<country>/<code>/<int:year>")
@require(policies.anyone)
def show(country: str, code: str, year: int):
    """A municipality's list of a year: associations granted and refused grants or premises."""
    published = _find(country, code, year)
    granted, refused = services.by_list(published.entries)
    return render_template("publication/list.html", published=published, granted=granted, refused=refused)


@bp.get("/lists/<country>/<code>/<int:year>.csv")
@require(policies.anyone)
def download(country: str, code: str, year: int):
    """The list as CSV."""
    published = _find(country, code, year)
    body = services.as_csv(published, _list_names(), [_("List"), _("Association"), _("CVR number"), _("Grant"),
                                                      _("Premises")], _("Yes"))
    return attachment(body, CSV_TYPE, f"support-{country.lower()}-{code}-{year}.csv")


@bp.route("/staff/publication", methods=["GET", "POST"])
@require(policies.is_administrator)
def manage():
    """Preview the year's § 35 a lists and publish them (Danish municipalities only)."""
    if not services.publishes(current_user.municipality):
        return render_template("publication/not_required.html")
    asked = request.values.get("year")
    year = date.today().year if asked is None else parse_int(asked, FIRST_YEAR, date.today().year + 1)
    if year is None:
        flash(_("Choose a year from %(first)d to %(last)d.", first=FIRST_YEAR, last=date.today().year + 1), "error")
        return redirect(url_for("publication.manage"), code=303)
    if request.method == "POST":
        published = services.publish_list(current_user, year)
        flash(_("The list for %(year)d has been published.", year=year), "success")
        return redirect(url_for("publication.show", country=published.municipality.country.lower(),
                                code=published.municipality.code, year=year), code=303)
    granted, refused = services.by_list(services.list_entries(current_user.municipality_id, year))
    return render_template("publication/manage.html", year=year, first_year=FIRST_YEAR, granted=granted,
                           refused=refused)
