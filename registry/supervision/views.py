"""Supervision pages: rounds, drawing a sample, findings and sanctions."""

from datetime import date

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from registry.core.authz import loads, require
from registry.core.forms import FieldValueError, apply_service_errors
from registry.supervision import bp, policies, services
from registry.supervision.choices import SANCTION_BASES, SANCTIONS, SELECTIONS
from registry.supervision.forms import DrawForm, FindingsForm, SanctionForm
from registry.supervision.models import SupervisionCase, SupervisionRound


def _rounds_page(form):
    municipality_id = current_user.municipality_id
    year = form.year.data if isinstance(form.year.data, int) and 2000 <= form.year.data <= 2100 else date.today().year
    return render_template("supervision/rounds.html", form=form, rounds=services.rounds_of(municipality_id),
                           population=len(services.supported_associations(municipality_id, year)), year=year)


@bp.get("/")
@require(policies.is_staff)
def rounds():
    """The municipality's supervision rounds."""
    return _rounds_page(DrawForm(formdata=None))


@bp.post("/draw")
@require(policies.is_administrator)
def draw():
    """Draw this year's sample."""
    form = DrawForm()
    if form.validate_on_submit():
        judgement = form.judgement_entries()
        if not form.judgement.errors:
            try:
                supervision = services.draw_round(current_user, form.year.data, form.sample_size.data,
                                                  form.sample_percent.data, judgement, form.seed.data)
                flash(_("The sample has been drawn."), "success")
                return redirect(url_for("supervision.round_page", supervision_id=supervision.id), code=303)
            except FieldValueError as error:
                apply_service_errors(form, error)
    return _rounds_page(form)


@bp.get("/rounds/<int:supervision_id>")
@require(policies.can_view_round, load=loads(SupervisionRound, "supervision"))
def round_page(supervision):
    """A round: how it was drawn, whether the draw reproduces, and its cases."""
    return render_template("supervision/round.html", supervision=supervision, selections=SELECTIONS,
                           reproduces=services.reproduces(supervision))


def _case_page(case, findings_form=None, sanction_form=None):
    return render_template(
        "supervision/case.html", case=case, selections=SELECTIONS, sanctions=SANCTIONS, bases=SANCTION_BASES,
        findings_form=findings_form or FindingsForm(obj=case, closed=case.status == "closed", prefix="findings"),
        sanction_form=sanction_form or SanctionForm(formdata=None, prefix="sanction"))


@bp.route("/cases/<int:case_id>", methods=["GET", "POST"])
@require(policies.can_work_on_supervision, load=loads(SupervisionCase, "case"))
def case(case):
    """Findings of the supervision of one association."""
    form = FindingsForm(prefix="findings")
    if form.validate_on_submit():
        services.save_findings(current_user, case, form.findings.data, bool(form.closed.data))
        flash(_("The findings have been saved."), "success")
        return redirect(url_for("supervision.case", case_id=case.id), code=303)
    return _case_page(case, findings_form=form if form.is_submitted() else None)


@bp.post("/cases/<int:case_id>/sanctions")
@require(policies.can_work_on_supervision, load=loads(SupervisionCase, "case"))
def add_sanction(case):
    """Record a sanction with reasons and a follow-up date."""
    form = SanctionForm(prefix="sanction")
    if form.validate_on_submit():
        try:
            services.add_sanction(current_user, case, form.kind.data, form.legal_basis.data, form.reasons.data,
                                  form.follow_up_on.data)
            flash(_("The sanction has been recorded."), "success")
            return redirect(url_for("supervision.case", case_id=case.id), code=303)
        except FieldValueError as error:
            apply_service_errors(form, error)
    return _case_page(case, sanction_form=form)
