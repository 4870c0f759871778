"""Staff pages: dashboard, search with exports, and the staff view of an association."""

from flask import render_template, request
from flask_babel import get_locale
from flask_login import current_user

from registry.associations.choices import PARTNER_STATUSES, ROLES
from registry.associations.models import Association
from registry.associations.services.files import current_declarations, documents_of
from registry.audit.history import history_for_association
from registry.core.authz import loads, require
from registry.core.downloads import attachment
from registry.core.fragments import fragment_cache
from registry.core.inputs import page_arg
from registry.core.spreadsheets import CSV_TYPE, XLSX_TYPE
from registry.extensions import db
from registry.municipalities.services import municipality_country
from registry.search.freshness import current_generation
from registry.search.query import search_associations
from registry.staff import bp, policies, services
from registry.staff.forms import SearchForm


@bp.get("/")
@require(policies.is_staff)
def dashboard():
    """Counts by status, the newest submissions and the cases due for renewal."""
    from registry.qualification.services import cases_due_for_renewal

    municipality_id = current_user.municipality_id
    from registry.screening.services.decisions import awaiting_approval, decisions_due_for_renewal
    from registry.screening.services.rescreening import open_flags

    return render_template("staff/dashboard.html", counts=services.status_counts(municipality_id),
                           statuses=PARTNER_STATUSES, newest=services.newest_submissions(municipality_id),
                           due=cases_due_for_renewal(municipality_id),
                           decisions_due=decisions_due_for_renewal(municipality_id),
                           awaiting=awaiting_approval(municipality_id), flags=open_flags(municipality_id, limit=20))


def _search_form() -> SearchForm:
    form = SearchForm(request.args)
    form.validate()
    return form


@bp.get("/search")
@require(policies.is_staff)
def search():
    """Full-text search and filters over the municipality's register; the query stays in the URL.

    The rendered results are cached under the register's generation (read first, so a page is never filed
    under a newer generation than its data): a repeated search, a page back or a bookmark costs no query.
    """
    municipality_id = current_user.municipality_id
    key = (current_generation(db.session), municipality_id, str(get_locale()), request.query_string)
    content = fragment_cache("search").get_or_render(key, lambda: _search_content(municipality_id))
    return render_template("staff/search.html", content=content)


def _search_content(municipality_id: int) -> str:
    form = _search_form()
    results = search_associations(form.filters(), municipality_id, municipality_country(current_user),
                                  page=page_arg())
    return render_template("staff/_search_content.html", form=form, results=results, searched=bool(request.args),
                           status_labels=PARTNER_STATUSES.translated(), roles=ROLES)


@bp.get("/search/export.<any(csv, xlsx):fmt>")
@require(policies.is_staff, load=lambda fmt: {"fmt": fmt})
def export(fmt: str):
    """The current search result as CSV or XLSX."""
    filters = _search_form().filters()
    municipality_id, country = current_user.municipality_id, municipality_country(current_user)
    if fmt == "csv":
        body, content_type = services.export_csv(filters, municipality_id, country), CSV_TYPE
    else:
        body, content_type = services.export_xlsx(filters, municipality_id, country), XLSX_TYPE
    return attachment(body, content_type, services.export_filename(fmt))


# Out of scope (another municipality's, or a draft) answers as a missing id: ids are sequential.
@bp.get("/associations/<int:association_id>")
@require(policies.can_view_as_staff, load=loads(Association, "association"), hide=True)
def association(association):
    """Everything the association entered, its documents, declarations, cases and history."""
    from registry.associations.declarations import ALL
    from registry.qualification.choices import CASE_STATUSES, RECOMMENDATIONS
    from registry.qualification.services import cases_of
    from registry.screening.choices import CASE_STATUSES as SCREENING_STATUSES
    from registry.screening.choices import LEGAL_BASES
    from registry.screening.services.cases import cases_about
    from registry.screening.services.rescreening import open_flags
    from registry.screening.views.staff import open_form

    municipality_id = current_user.municipality_id
    return render_template(
        "staff/association.html", association=association, documents=documents_of(association),
        declarations=current_declarations(association), cases=cases_of(association, municipality_id),
        status=services.partner_statuses(municipality_id, [association.id])[association.id],
        statuses=PARTNER_STATUSES, history=history_for_association(association.id), case_statuses=CASE_STATUSES,
        recommendations=RECOMMENDATIONS, declaration_titles={text.kind: text.title for text in ALL},
        screenings=cases_about(association, municipality_id), screening_statuses=SCREENING_STATUSES,
        legal_bases=LEGAL_BASES, open_screening_form=open_form(association),
        flags=open_flags(municipality_id, association.id))
