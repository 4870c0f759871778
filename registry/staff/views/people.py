"""Staff management pages (administrators) and accepting a staff invitation."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from registry.accounts import signin
from registry.accounts.forms import ResetPasswordForm
from registry.accounts.models import ROLES, User
from registry.core.authz import anyone, loads, require
from registry.core.forms import FieldValueError, apply_service_errors
from registry.core.tokens import TokenError
from registry.staff import bp, people, policies
from registry.staff.forms import StaffInvitationForm


def _page(form):
    return render_template("staff/people.html", form=form, staff=people.staff_of(current_user.municipality_id),
                           roles=ROLES)


@bp.get("/people")
@require(policies.is_administrator)
def staff_list():
    """The municipality's staff, and the form to invite a colleague."""
    return _page(StaffInvitationForm(formdata=None))


@bp.post("/people/invite")
@require(policies.is_administrator)
def invite_staff():
    """Invite an officer or administrator by e-mail."""
    form = StaffInvitationForm()
    if form.validate_on_submit():
        try:
            people.invite_staff(current_user, form.display_name.data, form.email.data, form.role.data)
            flash(_("An invitation has been sent to %(email)s.", email=form.email.data.strip()), "success")
            return redirect(url_for("staff.staff_list"), code=303)
        except FieldValueError as error:
            apply_service_errors(form, error)
    return _page(form)


@bp.post("/people/<int:member_id>/deactivate")
@require(policies.can_manage_staff, load=loads(User, "member"))
def deactivate_staff(member):
    """Deactivate a colleague's account."""
    people.set_active(current_user, member, False)
    flash(_("%(name)s can no longer log in.", name=member.display_name), "success")
    return redirect(url_for("staff.staff_list"), code=303)


@bp.post("/people/<int:member_id>/reactivate")
@require(policies.can_manage_staff, load=loads(User, "member"))
def reactivate_staff(member):
    """Give a deactivated colleague access again."""
    people.set_active(current_user, member, True)
    flash(_("%(name)s can log in again.", name=member.display_name), "success")
    return redirect(url_for("staff.staff_list"), code=303)


@bp.route("/join/<token>", methods=["GET", "POST"])
@require(anyone)
def accept_invitation(token: str):
    """A new colleague chooses a password from the invitation link."""
    try:
        member = people.user_for_invitation(token)
    except TokenError as error:
        return render_template("accounts/link_problem.html", expired=error.expired, kind="staff"), 400
    form = ResetPasswordForm()
    if form.validate_on_submit():
        people.accept_staff_invitation(member, form.password.data)
        signin.log_in(member)
        flash(_("Welcome. Your account is ready."), "success")
        return redirect(url_for("staff.dashboard"), code=303)
    return render_template("staff/join.html", form=form, member=member)
