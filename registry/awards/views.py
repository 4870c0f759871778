"""Recording an award on a screening that stands."""

from datetime import date

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from registry.awards import bp, policies, services
from registry.awards.forms import AwardForm
from registry.core.authz import loads, require
from registry.core.forms import FieldErrors, FieldValueError, apply_service_errors
from registry.screening.choices import LEGAL_BASES, OUTCOMES
from registry.screening.models import ScreeningCase


@bp.route("/cases/<int:case_id>", methods=["GET", "POST"])
@require(policies.can_record_award, load=loads(ScreeningCase, "case"))
def record(case):
    """Check that the screening stands, then record what was awarded."""
    form = AwardForm(year=date.today().year)
    if form.validate_on_submit():
        try:
            services.record_award(current_user, case, services.AwardInput(
                year=form.year.data, grant=form.grant.data, premises=form.premises.data, amount=form.amount.data,
                decision_reference=form.decision_reference.data, nothing_new=form.nothing_new.data))
            flash(_("The award has been recorded."), "success")
            return redirect(url_for("screening.case", case_id=case.id), code=303)
        except (FieldValueError, FieldErrors) as error:
            apply_service_errors(form, error)
    return render_template("awards/record.html", case=case, form=form, decision=services.standing_decision(case),
                           problems=services.standing_problems(case, date.today()), outcomes=OUTCOMES,
                           legal_bases=LEGAL_BASES, awards=services.awards_of_case(case))
