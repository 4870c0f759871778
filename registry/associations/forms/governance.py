"""Step 3: governance – board, members, democratic structure."""

from datetime import date

from flask_babel import LazyString
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, Form, FormField, IntegerField, RadioField, SelectField, StringField
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from registry.associations.choices import BOARD_ROLES
from registry.associations.forms.fields import clean_text
from registry.core.forms import YES_NO
from registry.core.inputs import BoundedFieldList, single_line

MAX_BOARD = 30


class BoardMemberForm(Form):
    """One row of the board list."""

    name = StringField(_l("Name"), filters=[clean_text], validators=[Length(max=120), single_line])
    role = SelectField(_l("Role on the board"), choices=BOARD_ROLES.form_choices(), default="member")
    elected_on = DateField(_l("Elected on"), validators=[Optional()],
                           description=_l("Date of the general assembly that elected this person."))

    def validate_name(self, field) -> None:
        """A row with a date but no name is a mistake; a wholly empty row is ignored."""
        if not field.data and self.elected_on.data:
            raise ValidationError(_("Type the name of the board member, or remove the row."))

    def validate_elected_on(self, field) -> None:
        """An election date cannot lie in the future."""
        if field.data and field.data > date.today():
            raise ValidationError(_("The date cannot be in the future."))


def _count(label, description=None):
    return IntegerField(label, description=description,
                        validators=[Optional(), NumberRange(min=0, max=10_000_000,
                                                            message=_l("Type a whole number, 0 or more."))])


def _this_year() -> int:
    return date.today().year


def _founded_year_message() -> str:
    return _("Type a year between 1800 and %(year)d.", year=_this_year())


class GovernanceForm(FlaskForm):
    """The board and the facts the law and the municipality ask about."""

    board_members = BoundedFieldList(FormField(BoardMemberForm), min_entries=1, max_entries=MAX_BOARD)
    member_count = _count(_l("Members"))
    paying_member_count = _count(_l("Paying members"), _l("Members who have paid this year's membership fee."))
    volunteer_count = _count(_l("Volunteers"))
    founded_year = IntegerField(_l("Year founded"), validators=[
        Optional(), NumberRange(min=1800, max=_this_year, message=LazyString(_founded_year_message))])
    assembly_elects_board = RadioField(_l("Does the general assembly elect the board?"), choices=YES_NO,
                                       validators=[DataRequired(message=_l("Answer yes or no."))])
    open_to_all = RadioField(_l("Is membership open to everyone who supports the purpose?"), choices=YES_NO,
                             validators=[DataRequired(message=_l("Answer yes or no."))])
    non_commercial = RadioField(_l("Is the association run without a commercial aim?"), choices=YES_NO,
                                validators=[DataRequired(message=_l("Answer yes or no."))],
                                description=_l("Any surplus stays in the association's non-profit work."))

    def validate_paying_member_count(self, field) -> None:
        """Paying members are a part of all members."""
        members = self.member_count.data
        if field.data is not None and members is not None and field.data > members:
            raise ValidationError(_("There cannot be more paying members than members."))

    def validate(self, extra_validators=None) -> bool:
        """Field rules, then: at least one named board member (reported on the first row)."""
        valid = super().validate(extra_validators)
        if not any(entry.form.name.data for entry in self.board_members):
            self.board_members[0].form.name.errors.append(_("Add at least one board member."))
            return False
        return valid
