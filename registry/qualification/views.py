"""Qualification pages: open a case, answer items, conclude."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from registry.associations.models import Association
from registry.audit.history import history_for_case
from registry.checklists.casework import (
    name_entries,
    offer_documents,
    show_field_error,
    stored_answers,
    submitted_answers,
)
from registry.core.authz import loads, require
from registry.core.forms import FieldErrors, FieldValueError, apply_service_errors
from registry.qualification import bp, policies, services
from registry.qualification.choices import ANSWERS, CASE_STATUSES, EVIDENCE_TYPES, RECOMMENDATIONS
from registry.qualification.forms import CaseForm, ConcludeForm
from registry.qualification.models import QualificationCase


@bp.post("/associations/<int:association_id>/open")
@require(policies.can_open_case, load=loads(Association, "association"))
def open_case(association):
    """Open (or continue) the qualification of an association."""
    case = services.open_case(current_user, association)
    return redirect(url_for("qualification.case", case_id=case.id), code=303)


def _case_form(case: QualificationCase) -> CaseForm:
    if request.method == "POST":
        form = CaseForm()
    else:
        form = CaseForm(lock_version=case.lock_version, answers=stored_answers(case))
    offer_documents(form, case.association)
    return form


def _render(case, form, conclude_form, status=200):
    name_entries(form, case.template.items, str(get_locale()))
    return render_template(
        "qualification/case.html", case=case, form=form, conclude_form=conclude_form,
        entries={entry.form.item_key.data: entry for entry in form.answers}, editable=case.status == "open",
        locale=str(get_locale()), answers=ANSWERS, exception_answers=None, evidence_types=EVIDENCE_TYPES,
        recommendations=RECOMMENDATIONS, statuses=CASE_STATUSES,
        blocking=services.blocking_problems(case), unanswered=services.unanswered(case),
        history=history_for_case(case.id)), status


@bp.route("/<int:case_id>", methods=["GET", "POST"])
@require(policies.can_work_on_case, load=loads(QualificationCase, "case"))
def case(case):
    """Answer the checklist; a save made on a stale page is refused and the typed answers kept."""
    form = _case_form(case)
    conclude_form = ConcludeForm(lock_version=case.lock_version, formdata=None, prefix="conclude")
    if request.method == "POST":
        if case.status != "open":
            flash(_("This case is concluded and can no longer be changed. Open a new case to reassess."), "error")
            return redirect(url_for("qualification.case", case_id=case.id), code=303)
        if not form.validate():
            # The form's own checks and the checklist's rules together: every error shows at once.
            show_field_error(form, FieldErrors(services.problems_with_answers(case, submitted_answers(form))))
        else:
            try:
                services.save_answers(current_user, case, form.lock_version.data or 0, submitted_answers(form))
                flash(_("The answers have been saved."), "success")
                return redirect(url_for("qualification.case", case_id=case.id), code=303)
            except services.StaleCaseError:
                flash(_("Someone else saved this case while you were working on it. Your answers have not "
                        "been saved; they are still on the page. Open the case in a new tab to see the "
                        "other changes, then save again."), "error")
                form.lock_version.data = case.lock_version
                form.lock_version.raw_data = None  # else the field renders the stale posted value
                return _render(case, form, conclude_form, status=409)
            except (FieldValueError, FieldErrors) as error:
                show_field_error(form, error)
    return _render(case, form, conclude_form)


@bp.post("/<int:case_id>/conclude")
@require(policies.can_work_on_case, load=loads(QualificationCase, "case"))
def conclude(case):
    """Conclude the case with a recommendation and a summary; it is locked afterwards."""
    conclude_form = ConcludeForm(prefix="conclude")
    if case.status != "open":
        abort(409)
    if conclude_form.validate_on_submit():
        try:
            services.conclude_case(current_user, case, conclude_form.lock_version.data or 0,
                                   conclude_form.recommendation.data, conclude_form.summary.data)
            flash(_("The qualification is concluded."), "success")
            return redirect(url_for("qualification.case", case_id=case.id), code=303)
        except services.StaleCaseError:
            flash(_("Someone else saved this case meanwhile. Check their changes, then conclude again."), "error")
            conclude_form.lock_version.data = case.lock_version
            conclude_form.lock_version.raw_data = None  # else the field renders the stale posted value
        except FieldValueError as error:
            apply_service_errors(conclude_form, error)
    return _render(case, _case_form_for_get(case), conclude_form)


def _case_form_for_get(case):
    """The answers form as stored, shown beside a failed conclusion."""
    saved_method = request.method
    try:
        request.environ["REQUEST_METHOD"] = "GET"
        return _case_form(case)
    finally:
        request.environ["REQUEST_METHOD"] = saved_method
