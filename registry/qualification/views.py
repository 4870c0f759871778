"""Qualification pages: open a case, answer items, conclude."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from registry.associations.services.files import documents_of
from registry.associations.services.lookup import get_association_or_404
from registry.audit.history import history_for_case
from registry.core.authz import require
from registry.core.forms import FieldValueError, apply_service_errors
from registry.extensions import db
from registry.qualification import bp, policies, services
from registry.qualification.choices import ANSWERS, CASE_STATUSES, EVIDENCE_TYPES, RECOMMENDATIONS
from registry.qualification.forms import CaseForm, ConcludeForm
from registry.qualification.models import QualificationCase


def _load_association(association_id: int) -> dict:
    return {"association": get_association_or_404(association_id)}


def _load_case(case_id: int) -> dict:
    case = db.session.get(QualificationCase, case_id)
    if case is None:
        abort(404)
    return {"case": case}


@bp.post("/associations/<int:association_id>/open")
@require(policies.can_open_case, load=_load_association)
def open_case(association):
    """Open (or continue) the qualification of an association."""
    case = services.open_case(current_user, association)
    return redirect(url_for("qualification.case", case_id=case.id), code=303)


def _case_form(case: QualificationCase) -> CaseForm:
    if request.method == "POST":
        form = CaseForm()
    else:
        data = []
        for item in case.template.items:
            answer = case.answer_for(item["key"])
            row = {"item_key": item["key"]}
            if answer is not None:
                row.update({name: getattr(answer, name) for name in (
                    "answer", "note", "evidence_type", "evidence_document_id", "evidence_url",
                    "evidence_observed_on", "evidence_source")})
            data.append(row)
        form = CaseForm(lock_version=case.lock_version, answers=data)
    documents = [(None, "–")] + [(d.id, d.filename) for d in documents_of(case.association)]
    for entry in form.answers:
        entry.form.evidence_document_id.choices = documents
    return form


def _render(case, form, conclude_form, status=200):
    return render_template(
        "qualification/case.html", case=case, form=form, conclude_form=conclude_form,
        items={entry.form.item_key.data: entry for entry in form.answers}, locale=str(get_locale()),
        answers=ANSWERS, evidence_types=EVIDENCE_TYPES, recommendations=RECOMMENDATIONS, statuses=CASE_STATUSES,
        blocking=services.blocking_problems(case), unanswered=services.unanswered(case),
        history=history_for_case(case.id)), status


@bp.route("/<int:case_id>", methods=["GET", "POST"])
@require(policies.can_work_on_case, load=_load_case)
def case(case):
    """Answer the checklist; a save made on a stale page is refused and the typed answers kept."""
    form = _case_form(case)
    conclude_form = ConcludeForm(lock_version=case.lock_version, formdata=None, prefix="conclude")
    if request.method == "POST":
        if case.status != "open":
            flash(_("This case is concluded and can no longer be changed. Open a new case to reassess."), "error")
            return redirect(url_for("qualification.case", case_id=case.id), code=303)
        if form.validate():
            try:
                services.save_answers(current_user, case, form.lock_version.data or 0, _answers(form))
                flash(_("The answers have been saved."), "success")
                return redirect(url_for("qualification.case", case_id=case.id), code=303)
            except services.StaleCaseError:
                flash(_("Someone else saved this case while you were working on it. Your answers have not "
                        "been saved; they are still on the page. Open the case in a new tab to see the "
                        "other changes, then save again."), "error")
                form.lock_version.data = case.lock_version
                return _render(case, form, conclude_form, status=409)
            except FieldValueError as error:
                apply_service_errors(form, error) if "-" not in error.field else _nested_error(form, error)
    return _render(case, form, conclude_form)


def _nested_error(form: CaseForm, error: FieldValueError) -> None:
    _prefix, index, name = error.field.split("-", 2)
    getattr(form.answers[int(index)].form, name).errors.append(str(error))


def _answers(form: CaseForm) -> list[services.AnswerInput]:
    return [services.AnswerInput(
        item_key=entry.form.item_key.data, answer=entry.form.answer.data or None, note=entry.form.note.data,
        evidence_type=entry.form.evidence_type.data or "none",
        evidence_document_id=entry.form.evidence_document_id.data, evidence_url=entry.form.evidence_url.data,
        evidence_observed_on=entry.form.evidence_observed_on.data, evidence_source=entry.form.evidence_source.data)
        for entry in form.answers]


@bp.post("/<int:case_id>/conclude")
@require(policies.can_work_on_case, load=_load_case)
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
