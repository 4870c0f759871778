"""Supervision forms."""

from datetime import date

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, IntegerField, SelectField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from registry.associations.forms.fields import clean_text
from registry.core.inputs import INT_MAX, multi_line, parse_int
from registry.supervision.choices import SANCTION_BASES, SANCTIONS


class DrawForm(FlaskForm):
    """Draw a year's sample."""

    year = IntegerField(_l("Year"), validators=[DataRequired(), NumberRange(min=2017, max=2100)],
                        default=lambda: date.today().year)
    sample_size = IntegerField(_l("Number of associations drawn at random"), validators=[Optional(),
                                                                                        NumberRange(min=0, max=10000)])
    sample_percent = IntegerField(_l("Or: percentage drawn at random"), validators=[Optional(),
                                                                                   NumberRange(min=0, max=100)])
    seed = IntegerField(_l("Seed (optional)"), validators=[Optional(), NumberRange(min=0, max=INT_MAX)],
                        description=_l("Leave empty to let the system choose one. With the same seed and the same "
                                       "associations, the draw gives the same result."))
    judgement = TextAreaField(
        _l("Associations chosen by judgement"), filters=[clean_text], validators=[Length(max=5000), multi_line],
        description=_l("One per line: the association's number in the register, a colon, and the reason. "
                       "Example: 42: complaint from a neighbour about the use of the premises"))

    def validate_sample_percent(self, field) -> None:
        """Exactly one of number and percentage."""
        if (field.data is None) == (self.sample_size.data is None):
            raise ValidationError(_("Give either a number or a percentage."))

    def judgement_entries(self) -> dict[int, str]:
        """The lines of the judgement field as {association id: reason}; ValidationError on a bad line."""
        entries = {}
        for number, line in enumerate((self.judgement.data or "").splitlines(), start=1):
            if not line.strip():
                continue
            head, _sep, reason = line.partition(":")
            association_id = parse_int(head.strip(), 0, INT_MAX)  # ASCII digits: isdigit() takes "²" too
            if association_id is None or not reason.strip():
                self.judgement.errors.append(_("Line %(n)d: write the number, a colon and the reason.", n=number))
                return {}
            entries[association_id] = reason.strip()
        return entries


class FindingsForm(FlaskForm):
    """Findings of one supervision case."""

    findings = TextAreaField(_l("Findings"), filters=[clean_text], validators=[Length(max=20000), multi_line])
    closed = BooleanField(_l("The supervision of this association is finished"))


class SanctionForm(FlaskForm):
    """A sanction with reasons and follow-up."""

    kind = SelectField(_l("Sanction"), choices=SANCTIONS.form_choices())
    legal_basis = SelectField(_l("Legal basis"), choices=SANCTION_BASES.form_choices())
    reasons = TextAreaField(_l("Reasons"), filters=[clean_text],
                            validators=[DataRequired(), Length(max=10000), multi_line])
    follow_up_on = DateField(_l("Follow up on"), validators=[DataRequired()])
