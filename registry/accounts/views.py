"""Account pages."""

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from registry.accounts import bp, policies, services
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
@require(policies.anonymous_only)
def register():
    """Create an account; a verification link is e-mailed."""
    if current_user.is_authenticated:
        return redirect(_home())
    form = RegisterForm()
    if form.validate_on_submit():
        try:
            user = services.register_user(form.email.data, form.password.data, form.display_name.data,
                                          str(get_locale()))
        except FieldValueError as error:
            apply_service_errors(form, error)
        else:
            login_user(user)
            flash(_("Your account has been created. We have sent you an e-mail: "
                    "follow the link in it to confirm your address."), "success")
            return redirect(url_for("associations.mine"), code=303)
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
            login_user(user, remember=form.remember.data)
            return redirect(target or _home(), code=303)
        form.password.errors.append(_("The e-mail address or the password is not correct."))
    return render_template("accounts/login.html", form=form, next=target)


@bp.post("/logout")
@require(policies.anyone)
def logout():
    """Log out."""
    logout_user()
    flash(_("You are logged out."), "success")
    return redirect(url_for("public.home"), code=303)


@bp.route("/settings", methods=["GET", "POST"])
@require(policies.authenticated)
def settings():
    """Name and language preference."""
    form = SettingsForm(obj=current_user)
    if form.validate_on_submit():
        services.update_settings(current_user, form.display_name.data, form.locale.data)
        session["locale"] = form.locale.data
        flash(_("Your settings have been saved."), "success")
        return redirect(url_for("accounts.settings"), code=303)
    return render_template("accounts/settings.html", form=form, role_label=ROLES.label(current_user.role))


@bp.route("/password", methods=["GET", "POST"])
@require(policies.authenticated)
def change_password():
    """Change the password (the current one is asked for)."""
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            services.change_password(current_user, form.current_password.data, form.password.data)
        except FieldValueError as error:
            apply_service_errors(form, error)
        else:
            flash(_("Your password has been changed."), "success")
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
        logout_user()
        flash(_("Your new password is saved. You can log in with it now."), "success")
        return redirect(url_for("accounts.login"), code=303)
    return render_template("accounts/reset_password.html", form=form)
