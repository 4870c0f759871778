"""Account pages."""

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from registry.accounts import bp, policies, services, signin
from registry.accounts.forms import (
    ChangePasswordForm,
    ForgotPasswordForm,
    LoginForm,
    RegisterForm,
    ResetPasswordForm,
    SettingsForm,
)
from registry.accounts.models import ROLES
from registry.core.authz import require
from registry.core.forms import FieldValueError, apply_service_errors
from registry.core.tokens import TokenError
from registry.core.urls import safe_next
from registry.extensions import limiter


def _home() -> str:
    return url_for("staff.dashboard") if current_user.is_staff else url_for("associations.mine")


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["REGISTER_RATE_LIMIT"], methods=["POST"])
@require(policies.anonymous_only)
def register():
    """Create an account; the answer is the same whether or not the address already has one."""
    if current_user.is_authenticated:
        return redirect(_home())
    form = RegisterForm()
    if form.validate_on_submit():
        # A new address gets a verification link, a taken one a note to its owner: the page cannot tell which,
        # so it does not log in either (that would give a new account away).
        services.register_user(form.email.data, form.password.data, form.display_name.data, str(get_locale()))
        flash(_("Thank you. We have sent an e-mail to %(email)s. Follow the link in it to confirm your address, "
                "then log in here.", email=form.email.data), "success")
        return redirect(url_for("accounts.login"), code=303)
    return render_template("accounts/register.html", form=form)


@bp.get("/verify/<token>")
@require(policies.anyone)
def verify_email(token: str):
    """Confirm an e-mail address from the link in the verification mail."""
    try:
        services.verify_email(token)
    except TokenError as error:
        return render_template("accounts/link_problem.html", expired=error.expired, kind="verify"), 400
    flash(_("Thank you. Your e-mail address is confirmed."), "success")
    return redirect(url_for("associations.mine") if current_user.is_authenticated else url_for("accounts.login"))


@bp.post("/verify/resend")
@require(policies.authenticated)
def resend_verification():
    """Send the verification link again."""
    if not current_user.is_verified:
        services.send_verification(current_user)
    flash(_("We have sent a new confirmation link to %(email)s.", email=current_user.email), "success")
    return redirect(safe_next(request.form.get("next"), _home()), code=303)


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT"], methods=["POST"])
@require(policies.anonymous_only)
def login():
    """Log in; the error never tells whether the address has an account."""
    target = safe_next(request.args.get("next"), "")
    if current_user.is_authenticated:
        return redirect(target or _home())
    form = LoginForm()
    if form.validate_on_submit():
        user = services.authenticate(form.email.data, form.password.data)
        if user is not None:
            session.pop("locale", None)  # the user's own preference takes over
            signin.log_in(user, remember=form.remember.data)
            return redirect(target or _home(), code=303)
        form.password.errors.append(_("The e-mail address or the password is not correct."))
    return render_template("accounts/login.html", form=form, next=target)


@bp.post("/logout")
@require(policies.anyone)
def logout():
    """Log out: this browser's session ends on the server too, so a copy of its cookies stops working."""
    signin.log_out()
    flash(_("You are logged out."), "success")
    return redirect(url_for("public.home"), code=303)


@bp.post("/logout/everywhere")
@require(policies.authenticated)
def logout_everywhere():
    """End every session of the account, on every device, this one included."""
    services.log_out_everywhere(current_user)
    signin.log_out()
    flash(_("You are logged out on every device, this one included."), "success")
    return redirect(url_for("accounts.login"), code=303)


@bp.route("/settings", methods=["GET", "POST"])
@require(policies.authenticated)
def settings():
    """Name and language preference, and the sessions the account is logged in with."""
    form = SettingsForm(obj=current_user)
    if form.validate_on_submit():
        services.update_settings(current_user, form.display_name.data, form.locale.data)
        session["locale"] = form.locale.data
        flash(_("Your settings have been saved."), "success")
        return redirect(url_for("accounts.settings"), code=303)
    return render_template("accounts/settings.html", form=form, role_label=ROLES.label(current_user.role),
                           sessions=services.active_sessions(current_user))


@bp.route("/password", methods=["GET", "POST"])
@require(policies.authenticated)
def change_password():
    """Change the password (the current one is asked for)."""
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            services.change_password(current_user, form.current_password.data, form.password.data,
                                     current_user.session_token)
        except FieldValueError as error:
            apply_service_errors(form, error)
        else:
            flash(_("Your password has been changed. You are logged out on every other device."), "success")
            return redirect(url_for("accounts.settings"), code=303)
    return render_template("accounts/change_password.html", form=form)


@bp.route("/password/forgot", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT"], methods=["POST"])
@require(policies.anonymous_only)
def forgot_password():
    """Ask for a reset link; the answer is the same whether or not the address is known."""
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        services.request_password_reset(form.email.data)
        flash(_("If an account exists for %(email)s, we have sent it a link to choose a new password. "
                "The link works for one hour.", email=form.email.data.strip()), "success")
        return redirect(url_for("accounts.login"), code=303)
    return render_template("accounts/forgot_password.html", form=form)


@bp.route("/password/reset/<token>", methods=["GET", "POST"])
@require(policies.anyone)
def reset_password(token: str):
    """Choose a new password from an e-mailed link."""
    try:
        user = services.user_for_reset_token(token)
    except TokenError as error:
        return render_template("accounts/link_problem.html", expired=error.expired, kind="reset"), 400
    form = ResetPasswordForm()
    if form.validate_on_submit():
        services.reset_password(user, form.password.data)
        signin.log_out()
        flash(_("Your new password is saved. You can log in with it now."), "success")
        return redirect(url_for("accounts.login"), code=303)
    return render_template("accounts/reset_password.html", form=form)
