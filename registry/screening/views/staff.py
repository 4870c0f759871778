"""Staff pages of a screening: assessments, hearing, decision, approval, letter, settings."""

from flask import Response, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from registry.associations.models import Association
from registry.audit.history import history_for_case
from registry.awards.services import awards_of_case
from registry.checklists.casework import (
    item_labels,
    name_entries,
    offer_documents,
    show_field_error,
    stored_answers,
    submitted_answers,
)
from registry.core.authz import loads, require
from registry.core.downloads import attachment
from registry.core.forms import FieldErrors, FieldValueError, apply_service_errors
from registry.core.inputs import MULTI_LINE_MESSAGE, is_multi_line
from registry.qualification.choices import ANSWERS, EVIDENCE_TYPES
from registry.screening import bp, criteria, policies
from registry.screening.choices import (
    BASES_BY_COUNTRY,
    CASE_STATUSES,
    DECISION_STATUSES,
    EXCEPTION_ANSWERS,
    GROUPS,
    LEGAL_BASES,
    OUTCOMES,
)
from registry.screening.forms import (
    DecisionForm,
    HearingForm,
    OpenScreeningForm,
    ReturnForm,
    ScreeningAnswersForm,
)
from registry.screening.services import cases, decisions, letters
from registry.screening.services.letters import rules_suggestion
from registry.screening.services.settings import missing_before_decision, settings_for
from registry.screening.views import load_case, load_decision


def open_form(association) -> OpenScreeningForm:
    """The form that opens a screening, offering the bases of the association's country."""
    form = OpenScreeningForm(formdata=request.form if request.method == "POST" else None, prefix="screening")
    form.legal_basis.choices = [(key, LEGAL_BASES.label(key)) for key in BASES_BY_COUNTRY[association.country]]
    return form


@bp.post("/associations/<int:association_id>/open")
@require(policies.can_open_screening, load=loads(Association, "association"))
def open_screening(association):
    """Open an eligibility screening for a grant, premises or both."""
    form = open_form(association)
    if form.validate():
        try:
            case, opened = cases.open_screening(current_user, association, form.legal_basis.data,
                                                form.applies_grant.data, form.applies_premises.data,
                                                str(get_locale()))
            if not opened:
                flash(_("A screening on this legal basis is already in progress; here it is."), "info")
            return redirect(url_for("screening.case", case_id=case.id), code=303)
        except FieldValueError as error:
            flash(str(error), "error")
    else:
        flash(_("Choose a legal basis."), "error")
    return redirect(url_for("staff.association", association_id=association.id), code=303)


def _answers_form(case):
    form = ScreeningAnswersForm() if request.method == "POST" and "lock_version" in request.form else \
        ScreeningAnswersForm(formdata=None, lock_version=case.lock_version, answers=stored_answers_for(case))
    offer_documents(form, case.association)
    items = {item["key"]: item for item in case.items}
    for entry in form.answers:
        item = items.get(entry.form.item_key.data)
        if item is not None:  # each item offers the answers its criterion allows, nothing else
            allowed = criteria.answers_for(item)
            vocabulary = EXCEPTION_ANSWERS if criteria.criterion_of(item) == criteria.SPECIAL_REASONS else ANSWERS
            entry.form.answer.choices = [choice for choice in vocabulary.form_choices() if choice.value in allowed]
    return form


def stored_answers_for(case):
    """Stored answers of the items asked on the case's legal basis."""
    keys = {item["key"] for item in case.items}
    return [row for row in stored_answers(case) if row["item_key"] in keys]


def render_case(case, form=None, hearing_form=None, decision_form=None, return_form=None, status=200):
    """The case page with all its forms."""
    locale = str(get_locale())
    form = form or _answers_form(case)
    name_entries(form, case.items, locale)
    settings = settings_for(case.municipality_id)
    return render_template(
        "screening/case.html", case=case, form=form, editable=case.status in cases.EDITABLE,
        entries={entry.form.item_key.data: entry for entry in form.answers},
        hearing_form=hearing_form or HearingForm(formdata=None, prefix="hearing"),
        decision_form=decision_form or decision_form_for(case, posted=False),
        return_form=return_form or ReturnForm(formdata=None, prefix="review"),
        locale=locale, answers=ANSWERS, exception_answers=EXCEPTION_ANSWERS, groups=GROUPS,
        evidence_types=EVIDENCE_TYPES, statuses=CASE_STATUSES, decision_statuses=DECISION_STATUSES,
        outcomes=OUTCOMES, legal_bases=LEGAL_BASES, blocking=decisions.blocking_failures(case),
        unanswered=decisions.unanswered(case), criteria=criteria, grounds=settings.democracy_grounds or {},
        missing_settings=missing_before_decision(settings, case.association.country, decisions.letter_locale(case),
                                                 adverse=True),
        awards=awards_of_case(case), history=history_for_case(case.id, "screening_cases")), status


def decision_form_for(case, posted: bool = True) -> DecisionForm:
    """The decision form (posted, or empty with the rules the checklist applies), worded for the case's country."""
    form = DecisionForm(prefix="decision") if posted else DecisionForm(
        formdata=None, prefix="decision", rules_applied=rules_suggestion(
            case, settings_for(case.municipality_id), decisions.letter_locale(case)))
    if case.association.country == "SE":
        form.hearing_not_needed_because.label.text = _("Why kommunicering is obviously unnecessary")
        form.hearing_not_needed_because.description = _(
            "Förvaltningslagen 25 § requires the association to be told of all material of importance for the "
            "decision and given the chance to comment, unless that is obviously unnecessary. The exception is read "
            "narrowly: seen from the association's side, the need must be practically absent. Also say so if the "
            "decision cannot wait, or telling the association would make the decision much harder to carry out.")
    return form


@bp.route("/<int:case_id>", methods=["GET", "POST"])
@require(policies.can_work_on_screening, load=load_case)
def case(case):
    """Assess each item; a save made on a stale page is refused and the typed answers kept."""
    form = _answers_form(case)
    if request.method == "POST" and not form.validate():
        # The form's own checks and the checklist's rules together: every error shows at once.
        show_field_error(form, FieldErrors(cases.problems_with_answers(case, submitted_answers(form))))
    elif request.method == "POST":
        try:
            cases.save_screening_answers(current_user, case, form.lock_version.data or 0, submitted_answers(form))
            flash(_("The assessments have been saved."), "success")
            return redirect(url_for("screening.case", case_id=case.id), code=303)
        except cases.StaleCaseError:
            flash(_("Someone else saved this case while you were working on it. Your assessments have not "
                    "been saved; they are still on the page. Open the case in a new tab to see the other "
                    "changes, then save again."), "error")
            form.lock_version.data = case.lock_version
            form.lock_version.raw_data = None  # else the field renders the stale posted value
            return render_case(case, form=form, status=409)
        except (FieldValueError, FieldErrors) as error:
            show_field_error(form, error)
    return render_case(case, form=form)


@bp.post("/<int:case_id>/hearing")
@require(policies.can_work_on_screening, load=load_case)
def send_hearing(case):
    """Send a hearing to the association."""
    form = HearingForm(prefix="hearing")
    if form.validate_on_submit():
        try:
            cases.send_hearing(current_user, case, form.facts.data, form.deadline.data)
            flash(_("The hearing has been sent to the association."), "success")
            return redirect(url_for("screening.case", case_id=case.id), code=303)
        except FieldValueError as error:
            apply_service_errors(form, error)
    return render_case(case, hearing_form=form)


@bp.post("/<int:case_id>/decision")
@require(policies.can_work_on_screening, load=load_case)
def decide(case):
    """Record the decision; a refusal may wait for a second approval."""
    form = decision_form_for(case)
    if form.validate_on_submit():
        try:
            decision = decisions.propose_decision(current_user, case, decisions.DecisionInput(
                grant_outcome=form.grant_outcome.data or None, premises_outcome=form.premises_outcome.data or None,
                conditions=form.conditions.data, rules_applied=form.rules_applied.data,
                considerations=form.considerations.data, facts=form.facts.data,
                hearing_not_needed_because=form.hearing_not_needed_because.data))
            flash(_("The decision awaits approval by a second staff member.") if decision.status == "proposed"
                  else _("The decision is made and the association has been notified."), "success")
            return redirect(url_for("screening.case", case_id=case.id), code=303)
        except (FieldValueError, FieldErrors) as error:
            apply_service_errors(form, error, item_labels(case.items, str(get_locale())))
    return render_case(case, decision_form=form)


@bp.post("/decisions/<int:decision_id>/approve")
@require(policies.can_review_decision, load=load_decision)
def approve(decision):
    """Approve a proposed refusal (four eyes)."""
    try:
        decisions.approve_decision(current_user, decision)
        flash(_("The decision is approved and the association has been notified."), "success")
    except (FieldValueError, FieldErrors) as error:
        for one in getattr(error, "errors", [error]):
            flash(str(one), "error")
    return redirect(url_for("screening.case", case_id=decision.case_id), code=303)


@bp.post("/decisions/<int:decision_id>/return")
@require(policies.can_review_decision, load=load_decision)
def send_back(decision):
    """Send a proposed decision back with a comment."""
    form = ReturnForm(prefix="review")
    if form.validate_on_submit():
        try:
            decisions.return_decision(current_user, decision, form.comment.data)
            flash(_("The decision has been sent back."), "success")
            return redirect(url_for("screening.case", case_id=decision.case_id), code=303)
        except FieldValueError as error:
            flash(str(error), "error")
            return redirect(url_for("screening.case", case_id=decision.case_id), code=303)
    return render_case(decision.case, return_form=form)


@bp.get("/decisions/<int:decision_id>/letter")
@require(policies.can_review_decision, load=load_decision)
def letter(decision):
    """The decision letter as the association will read it."""
    return render_template("screening/letter_page.html", decision=decision,
                           letter=letters.render_letter_html(decision), pdf_url=url_for(
                               "screening.letter_pdf", decision_id=decision.id))


@bp.get("/decisions/<int:decision_id>/letter.pdf")
@require(policies.can_review_decision, load=load_decision)
def letter_pdf(decision):
    """The decision letter as PDF."""
    return pdf_response(decision)


def pdf_response(decision) -> Response:
    """A PDF download of the letter (a draft is named as one)."""
    name = f"{'draft-' if decision.status != 'final' else ''}decision-{decision.case.number}.pdf"
    return attachment(letters.render_letter_pdf(decision), "application/pdf", name)


@bp.post("/associations/<int:association_id>/concern")
@require(policies.can_open_screening, load=loads(Association, "association"))
def record_concern(association):
    """Record a concern about the association; it is marked for re-screening."""
    from registry.screening.services.rescreening import record_concern as record

    note = (request.form.get("note") or "").strip()[:2000]
    if not note:
        flash(_("Describe the concern."), "error")
    elif not is_multi_line(note):
        flash(str(MULTI_LINE_MESSAGE), "error")
    else:
        record(current_user, association, note)
        flash(_("The concern is recorded and the association is marked for re-screening."), "success")
    return redirect(url_for("staff.association", association_id=association.id), code=303)
