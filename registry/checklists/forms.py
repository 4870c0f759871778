"""The form an administrator uses to add a local checklist item."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, ValidationError

from registry.associations.forms.fields import clean_text
from registry.core.inputs import multi_line, single_line


def _text(label):
    return TextAreaField(label, filters=[clean_text], validators=[DataRequired(), Length(max=500), multi_line])


def _guidance(label):
    return TextAreaField(label, filters=[clean_text], validators=[Length(max=3000), multi_line])


class LocalItemForm(FlaskForm):
    """A municipality's own item, in all three languages."""

    text_da = _text(_l("Item in Danish"))
    text_sv = _text(_l("Item in Swedish"))
    text_en = _text(_l("Item in English"))
    guidance_da = _guidance(_l("Guidance in Danish"))
    guidance_sv = _guidance(_l("Guidance in Swedish"))
    guidance_en = _guidance(_l("Guidance in English"))
    source = StringField(_l("Source"), filters=[clean_text], validators=[Length(max=300), single_line],
                         description=_l("For example the municipality's own guidelines, with their date."))
    blocking = BooleanField(_l("\"Not met\" blocks a positive recommendation"))

    def validate_text_en(self, field) -> None:
        """The three texts must not be copies of each other by mistake only when all are identical."""
        if field.data and field.data == self.text_da.data == self.text_sv.data:
            raise ValidationError(_("Write the item in each language."))
