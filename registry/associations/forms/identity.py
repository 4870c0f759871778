"""Step 1: identity and contact."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from stdnum.dk import cvr
from stdnum.exceptions import ValidationError as NumberError
from stdnum.se import orgnr
from wtforms import BooleanField, EmailField, RadioField, SelectChoice, SelectField, StringField
from wtforms.validators import URL, DataRequired, Email, Length, Optional, ValidationError

from registry.associations.forms.fields import MultiCheckboxField, clean_text, optional_int, phone_number
from registry.core.inputs import single_line

COUNTRY_CHOICES = [SelectChoice("DK", _l("Denmark")), SelectChoice("SE", _l("Sweden"))]


def normalise_registration_number(country: str, value: str) -> str:
    """Validate and normalise a CVR (8 digits) or organisationsnummer (NNNNNN-NNNN); ValueError if invalid."""
    try:
        if country == "DK":
            return cvr.validate(value)
        return orgnr.format(orgnr.validate(value))
    except NumberError as exc:
        raise ValueError(str(exc)) from exc


def _website(value: str | None) -> str | None:
    value = clean_text(value)
    if value and "://" not in value:
        value = "https://" + value
    return value


class CreateAssociationForm(FlaskForm):
    """The first question: name and country."""

    name = StringField(_l("Name of the association"), validators=[DataRequired(), Length(max=200), single_line],
                       filters=[clean_text], description=_l("As written in the statutes."))
    country = RadioField(_l("Country"), choices=COUNTRY_CHOICES, validators=[DataRequired()])


class IdentityForm(CreateAssociationForm):
    """Name, number, municipalities and contact details."""

    registration_number = StringField(
        _l("CVR number or organisationsnummer"), filters=[clean_text], validators=[Length(max=20), single_line],
        description=_l("Danish associations: the 8-digit CVR number. "
                       "Swedish associations: the organisationsnummer, e.g. 802412-3456."))
    no_registration_number = BooleanField(_l("The association has no CVR number or organisationsnummer"))
    home_municipality = SelectField(_l("Home municipality"), coerce=optional_int, validate_choice=False,
                                    validators=[DataRequired(message=_l("Choose the home municipality."))])
    active_municipalities = MultiCheckboxField(
        _l("Other municipalities the association is active in"), coerce=optional_int, validate_choice=False)
    address = StringField(_l("Street address"), filters=[clean_text],
                          validators=[Optional(), Length(max=200), single_line])
    postcode = StringField(_l("Postcode"), filters=[clean_text], validators=[Optional(), Length(max=10), single_line])
    city = StringField(_l("Town"), filters=[clean_text], validators=[Optional(), Length(max=100), single_line])
    website = StringField(_l("Website"), filters=[_website],
                          validators=[Optional(), Length(max=300), single_line,
                                      URL(message=_l("Type a web address, e.g. www.forening.dk."))])
    email = EmailField(_l("E-mail address of the association"), filters=[clean_text],
                       validators=[DataRequired(), Email(), Length(max=254)])
    phone = StringField(_l("Phone"), filters=[clean_text], validators=[Optional(), single_line, phone_number])

    def validate_registration_number(self, field) -> None:
        """Check the number against the country's rules, or require the 'none' box."""
        if not field.data:
            if not self.no_registration_number.data:
                raise ValidationError(_("Type the number, or tick that the association has none."))
            return
        if self.country.data not in ("DK", "SE"):
            return
        try:
            field.data = normalise_registration_number(self.country.data, field.data)
        except ValueError as exc:
            if self.country.data == "DK":
                raise ValidationError(_("This is not a valid CVR number. A CVR number has 8 digits.")) from exc
            raise ValidationError(_("This is not a valid organisationsnummer. "
                                    "It has 10 digits, e.g. 802412-3456.")) from exc
