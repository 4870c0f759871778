"""The registration wizard: create, the four profile steps, review and submit."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from registry.associations import bp, policies
from registry.associations.forms.files import ConsentForm
from registry.associations.forms.identity import CreateAssociationForm
from registry.associations.services import profile, submission
from registry.associations.services.lookup import associations_of
from registry.associations.views import load_association
from registry.associations.views.steps import STEP_HANDLERS, next_step_url
from registry.core.authz import require
from registry.core.forms import FieldValueError, apply_service_errors


@bp.get("/")
@require(policies.authenticated)
def mine():
    """The associations the user represents."""
    return render_template("associations/mine.html", associations=associations_of(current_user))


@bp.route("/new", methods=["GET", "POST"])
@require(policies.can_create_association)
def create():
    """Start registering an association: name and country."""
    form = CreateAssociationForm()
    if form.validate_on_submit():
        association = profile.create_association(current_user, form.name.data, form.country.data)
        flash(_("The association has been created. Fill in the steps at your own pace: "
                "each step is saved when you continue."), "success")
        return redirect(url_for("associations.step", association_id=association.id, step="identity"), code=303)
    return render_template("associations/create.html", form=form)


@bp.get("/<int:association_id>")
@require(policies.can_view_association, load=load_association)
def overview(association):
    """The association's own page: status, progress and what is missing."""
    return render_template("associations/overview.html", association=association,
                           missing=submission.missing_items(association),
                           done=submission.completed_steps(association), steps=submission.STEPS)


@bp.route("/<int:association_id>/step/<any(identity, purpose, governance, roles):step>", methods=["GET", "POST"])
@require(policies.can_edit_association, load=lambda association_id, step: {
    **load_association(association_id), "step": step})
def step(association, step):
    """One of the four profile steps: show it filled in, or validate and save it."""
    handler = STEP_HANDLERS[step]
    form = handler.form(association)
    if request.method == "POST" and handler.rearranged(form):
        return handler.render(association, form)  # a board row was added or removed: nothing saved yet
    if form.validate_on_submit():
        try:
            handler.save(current_user, association, form)
            flash(_("Saved."), "success")
            return redirect(next_step_url(association, step, request.form.get("action")), code=303)
        except FieldValueError as error:
            apply_service_errors(form, error)
    return handler.render(association, form)


@bp.route("/<int:association_id>/review", methods=["GET"])
@require(policies.can_edit_association, load=load_association)
def review(association):
    """Step 7: everything entered, what is missing, consent, and the submit button."""
    return render_template(
        "associations/review.html", association=association, missing=submission.missing_items(association),
        warnings=submission.warnings_for(association), done=submission.completed_steps(association),
        steps=submission.STEPS, consent_form=ConsentForm(public_profile=association.public_profile),
        locale=str(get_locale()),
        can_submit=policies.can_manage_people(current_user, association))


@bp.post("/<int:association_id>/submit")
@require(policies.can_manage_people, load=load_association)
def submit(association):
    """Submit the profile to the home municipality."""
    try:
        submission.submit_association(current_user, association)
    except FieldValueError as error:
        flash(str(error), "error")
        return redirect(url_for("associations.review", association_id=association.id), code=303)
    flash(_("The association has been submitted to %(municipality)s.",
            municipality=association.home_municipality.name), "success")
    return redirect(url_for("associations.overview", association_id=association.id), code=303)


@bp.post("/<int:association_id>/consent")
@require(policies.can_manage_people, load=load_association)
def consent(association):
    """Give or withdraw consent to the public profile."""
    form = ConsentForm()
    if form.validate_on_submit():
        submission.set_public_profile(current_user, association, bool(form.public_profile.data))
        flash(_("The public profile is now shown.") if form.public_profile.data
              else _("The public profile is now hidden."), "success")
    return redirect(url_for("associations.review", association_id=association.id), code=303)
