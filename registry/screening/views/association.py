"""The association's side: its screenings, hearings to answer, decision letters."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from registry.associations.policies import can_view_association
from registry.associations.views import load_association
from registry.core.authz import require
from registry.core.forms import FieldValueError, apply_service_errors
from registry.screening import association_bp as bp
from registry.screening import policies
from registry.screening.choices import CASE_STATUSES, LEGAL_BASES, OUTCOMES
from registry.screening.forms import HearingAnswerForm
from registry.screening.services import cases, letters
from registry.screening.views import load_association_decision, load_hearing
from registry.screening.views.staff import pdf_response


@bp.get("/<int:association_id>/screenings")
@require(can_view_association, load=load_association)
def screenings(association):
    """Every screening about the association, with hearings and final decisions."""
    return render_template("screening/association_screenings.html", association=association,
                           cases=cases.cases_about(association), statuses=CASE_STATUSES, legal_bases=LEGAL_BASES,
                           outcomes=OUTCOMES)


@bp.route("/<int:association_id>/hearings/<int:hearing_id>", methods=["GET", "POST"])
@require(policies.can_answer_hearing, load=load_hearing)
def hearing(association, hearing):
    """Read a hearing and answer it in text and with a document."""
    form = HearingAnswerForm()
    if hearing.answered_at is None and form.validate_on_submit():
        upload = form.file.data
        uploads = [(upload.filename, upload.read())] if upload and upload.filename else []
        try:
            cases.answer_hearing(current_user, hearing, form.answer.data, uploads)
            flash(_("Thank you. Your answer has been sent to the municipality."), "success")
            return redirect(url_for("association_screening.screenings", association_id=association.id), code=303)
        except FieldValueError as error:
            apply_service_errors(form, error)
    return render_template("screening/hearing_answer.html", association=association, hearing=hearing, form=form)


@bp.get("/<int:association_id>/decisions/<int:decision_id>")
@require(policies.can_read_decision, load=load_association_decision)
def decision(association, decision):
    """Read a decision letter."""
    return render_template("screening/letter_page.html", decision=decision,
                           letter=letters.render_letter_html(decision), pdf_url=url_for(
                               "association_screening.decision_pdf", association_id=association.id,
                               decision_id=decision.id))


@bp.get("/<int:association_id>/decisions/<int:decision_id>.pdf")
@require(policies.can_read_decision, load=load_association_decision)
def decision_pdf(association, decision):
    """Download the decision letter as PDF."""
    return pdf_response(decision)
