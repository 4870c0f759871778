"""Step 2: purpose and activities."""

from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectChoice, TextAreaField
from wtforms.validators import DataRequired, Length, ValidationError

from registry.associations.choices import TARGET_GROUPS, WORK_LANGUAGES
from registry.associations.forms.fields import MultiCheckboxField, clean_text
from registry.core.inputs import multi_line


def language_choices() -> list[SelectChoice]:
    """Work languages with their names in the reader's language, sorted by name."""
    names = get_locale().languages
    labelled = sorted((names.get(code, code).capitalize(), code) for code in WORK_LANGUAGES)
    return [SelectChoice(code, label) for label, code in labelled]


class PurposeForm(FlaskForm):
    """What the association is for and does."""

    purpose = TextAreaField(_l("Purpose as written in the statutes"), filters=[clean_text],
                            validators=[DataRequired(), Length(max=5000), multi_line],
                            description=_l("Copy the purpose clause of your statutes word for word."))
    activities = TextAreaField(_l("Activities"), filters=[clean_text],
                               validators=[DataRequired(), Length(max=5000), multi_line],
                               description=_l("What do you do, how often, and where? For example: football "
                                              "training for girls every Tuesday and Thursday."))
    target_groups = MultiCheckboxField(_l("Target groups"), choices=TARGET_GROUPS.form_choices())
    target_groups_other = TextAreaField(_l("Other target groups, or a closer description"),
                                        filters=[clean_text], validators=[Length(max=1000), multi_line])
    local_areas = TextAreaField(_l("Local areas"), filters=[clean_text], validators=[Length(max=2000), multi_line],
                                description=_l("Neighbourhoods, towns or parishes where you work, one per line."))
    languages = MultiCheckboxField(_l("Languages the association works in"), choices=language_choices)

    def validate_target_groups(self, field) -> None:
        """At least one target group, from the list or in own words."""
        if not field.data and not self.target_groups_other.data:
            raise ValidationError(_("Choose at least one target group, or describe it in your own words."))
