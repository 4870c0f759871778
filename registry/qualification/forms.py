"""The qualification case form: one answer block per checklist item, and the conclusion."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    Form,
    FormField,
    HiddenField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import URL, DataRequired, Length, Optional

from registry.associations.forms.fields import clean_text, optional_int
from registry.core.inputs import BoundedFieldList, VersionField, multi_line, single_line
from registry.qualification.choices import ANSWERS, EVIDENCE_TYPES, RECOMMENDATIONS


class AnswerForm(Form):
    """One item's answer, note and evidence."""

    item_key = HiddenField()
    answer = RadioField(_l("Assessment"), choices=ANSWERS.form_choices(), validate_choice=False)
    note = TextAreaField(_l("Note"), filters=[clean_text], validators=[Length(max=5000), multi_line])
    evidence_type = SelectField(_l("Evidence"), choices=EVIDENCE_TYPES.form_choices(), default="none")
    evidence_document_id = SelectField(_l("Document"), coerce=optional_int, validate_choice=False)
    evidence_url = StringField(_l("Link"), filters=[clean_text],
                               validators=[Optional(), single_line,
                                           URL(message=_l("Type a full web address, starting with https://.")),
                                           Length(max=500)])
    evidence_observed_on = DateField(_l("Observed on"), validators=[Optional()])
    evidence_source = StringField(_l("Source of the observation"), filters=[clean_text],
                                  validators=[Length(max=300), single_line],
                                  description=_l("For example: visit to the association, meeting with the board, "
                                                 "the association's Facebook page."))


class CaseForm(FlaskForm):
    """All answers of a case, saved together."""

    lock_version = VersionField()
    answers = BoundedFieldList(FormField(AnswerForm))


class ConcludeForm(FlaskForm):
    """The recommendation and summary that conclude a case."""

    lock_version = VersionField()
    recommendation = RadioField(_l("Recommendation"), choices=RECOMMENDATIONS.form_choices(),
                                validators=[DataRequired(message=_l("Choose a recommendation."))])
    summary = TextAreaField(_l("Summary"), filters=[clean_text],
                            validators=[DataRequired(), Length(max=10000), multi_line],
                            description=_l("The main reasons for the recommendation, and any conditions."))
