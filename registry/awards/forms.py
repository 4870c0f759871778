"""The award form."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, StringField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from registry.associations.forms.fields import clean_text
from registry.core.inputs import INT_MAX, single_line


class AwardForm(FlaskForm):
    """What was awarded, for which year, where it was decided, and the confirmation that nothing new came up."""

    year = IntegerField(_l("Year"), validators=[InputRequired(), NumberRange(min=1900, max=9999)])
    grant = BooleanField(_l("Grant"))
    premises = BooleanField(_l("Premises"))
    amount = IntegerField(_l("Amount in kroner (optional)"),
                          validators=[Optional(), NumberRange(min=0, max=INT_MAX)])  # the column's range
    decision_reference = StringField(
        _l("Decision reference"), filters=[clean_text], validators=[DataRequired(), Length(max=300), single_line],
        description=_l("Where the award was decided, e.g. the committee's meeting and agenda item, or the grant "
                       "case's number."))
    nothing_new = BooleanField(
        _l("Nothing new has come up since the screening"),
        description=_l("Confirm that you know of nothing since the screening that could change its result: no new "
                       "statutes or board, no concern about the association's purpose or conduct."))
