"""Account forms."""

from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, SelectChoice, SelectField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length, ValidationError

from registry.accounts.passwords import MIN_LENGTH, is_too_weak
from registry.core.forms import strip_text
from registry.core.i18n import LANGUAGE_NAMES
from registry.core.inputs import single_line


def _strong_password(form, field) -> None:
    """Refuse short and common passwords."""
    password = field.data or ""
    if len(password) < MIN_LENGTH:
        raise ValidationError(_("The password must be at least %(n)d characters long.", n=MIN_LENGTH))
    hints = [getattr(form, name).data for name in ("email", "display_name") if hasattr(form, name)]
    if is_too_weak(password, hints):
        raise ValidationError(_("This password is too common or too easy to guess. "
                                "Try a sentence of several unrelated words."))


def _language_choices() -> list[SelectChoice]:
    return [SelectChoice(code, LANGUAGE_NAMES[code]) for code in current_app.config["LANGUAGES"]]


class RegisterForm(FlaskForm):
    """Create an account."""

    display_name = StringField(_l("Your name"), validators=[DataRequired(), Length(max=120), single_line])
    email = EmailField(_l("E-mail address"), filters=[strip_text],
                       validators=[DataRequired(), Email(), Length(max=254)])
    password = PasswordField(
        _l("Password"), validators=[DataRequired(), _strong_password],
        description=_l("At least 12 characters. A sentence of several words is easy to remember."))
    password_confirm = PasswordField(
        _l("Repeat the password"),
        validators=[DataRequired(), EqualTo("password", message=_l("The two passwords are not the same."))])


class LoginForm(FlaskForm):
    """Log in."""

    email = EmailField(_l("E-mail address"), filters=[strip_text], validators=[DataRequired(), Email()])
    password = PasswordField(_l("Password"), validators=[DataRequired()])
    remember = BooleanField(_l("Keep me logged in on this device"))


class ForgotPasswordForm(FlaskForm):
    """Ask for a password-reset link."""

    email = EmailField(_l("E-mail address"), filters=[strip_text], validators=[DataRequired(), Email()])


class ResetPasswordForm(FlaskForm):
    """Choose a new password from a reset link."""

    password = PasswordField(_l("New password"), validators=[DataRequired(), _strong_password],
                             description=_l("At least 12 characters."))
    password_confirm = PasswordField(
        _l("Repeat the new password"),
        validators=[DataRequired(), EqualTo("password", message=_l("The two passwords are not the same."))])


class ChangePasswordForm(ResetPasswordForm):
    """Change the password while logged in."""

    current_password = PasswordField(_l("Current password"), validators=[DataRequired()])


class SettingsForm(FlaskForm):
    """Name and preferred language."""

    display_name = StringField(_l("Your name"), validators=[DataRequired(), Length(max=120), single_line])
    locale = SelectField(_l("Language for pages and e-mails"), choices=_language_choices)
