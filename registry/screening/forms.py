"""Screening forms: open a case, assessments, hearing, decision, approval, settings, hearing answer."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    DateField,
    FormField,
    IntegerField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from registry.associations.forms.fields import clean_text
from registry.core.inputs import BoundedFieldList, VersionField, multi_line, single_line
from registry.qualification.forms import AnswerForm
from registry.screening.choices import GROUNDS, OUTCOMES


class OpenScreeningForm(FlaskForm):
    """The legal basis and what the association applies for."""

    legal_basis = SelectField(_l("Legal basis"), validators=[DataRequired()])
    applies_grant = BooleanField(_l("Grant"))
    applies_premises = BooleanField(_l("Premises"))


class ScreeningAnswersForm(FlaskForm):
    """All assessments of a screening."""

    lock_version = VersionField()
    answers = BoundedFieldList(FormField(AnswerForm))


class HearingForm(FlaskForm):
    """Facts put to the association, and the deadline for its answer."""

    facts = TextAreaField(_l("Facts the association is asked to comment on"), filters=[clean_text],
                          validators=[DataRequired(), Length(max=10000), multi_line],
                          description=_l("Describe the information the decision may rest on that the association "
                                         "may not know, and where it comes from."))
    deadline = DateField(_l("Deadline for the answer"), validators=[DataRequired()])


def _outcome(label):
    return RadioField(label, choices=OUTCOMES.form_choices(), validate_choice=False, default="")


class DecisionForm(FlaskForm):
    """The outcome for grant and for premises, and the reasons."""

    grant_outcome = _outcome(_l("Outcome for the grant"))
    premises_outcome = _outcome(_l("Outcome for premises"))
    conditions = TextAreaField(_l("Conditions"), filters=[clean_text], validators=[Length(max=5000), multi_line])
    rules_applied = TextAreaField(_l("Rules applied"), filters=[clean_text], validators=[Length(max=5000), multi_line],
                                  description=_l("The sections of the law, and the municipality's own rules, "
                                                 "the decision is based on."))
    considerations = TextAreaField(_l("Main considerations"), filters=[clean_text],
                                   validators=[Length(max=10000), multi_line],
                                   description=_l("Why the municipality reached this result."))
    facts = TextAreaField(_l("Facts relied on"), filters=[clean_text], validators=[Length(max=10000), multi_line],
                          description=_l("The facts given weight, and where they come from."))
    hearing_not_needed_because = TextAreaField(
        _l("Why no hearing is needed"), filters=[clean_text], validators=[Length(max=2000), multi_line],
        description=_l("Only when the association is refused without a hearing: for example, the decision rests "
                       "only on what the association itself has stated."))


class ReturnForm(FlaskForm):
    """The approver's comment when sending a decision back."""

    comment = TextAreaField(_l("Comment"), filters=[clean_text],
                            validators=[DataRequired(), Length(max=5000), multi_line])


MONTHS = [SelectChoice(number, label) for number, label in enumerate(
    (_l("January"), _l("February"), _l("March"), _l("April"), _l("May"), _l("June"), _l("July"), _l("August"),
     _l("September"), _l("October"), _l("November"), _l("December")), start=1)]


def _ground(label):
    return StringField(label, filters=[clean_text], validators=[Length(max=300), single_line])


class SettingsForm(FlaskForm):
    """The municipality's decision settings."""

    rules_name = StringField(_l("Name of the municipality's grant rules"), filters=[clean_text],
                             validators=[Length(max=300), single_line],
                             description=_l("As adopted, e.g. \"Regler för föreningsbidrag\". Letters cite these "
                                            "rules; a Swedish municipality must fill this in before its first "
                                            "decision."))
    rules_adopted_on = DateField(_l("Date the rules were adopted"), validators=[Optional()])
    delegation = StringField(_l("Delegation under which staff decide"), filters=[clean_text],
                             validators=[Length(max=500), single_line],
                             description=_l("The delegation plan and its point, e.g. \"Kultur- och fritidsnämndens "
                                            "delegationsordning, punkt 4.2\". Every letter says who decided and "
                                            "under which delegation."))
    four_eyes = BooleanField(_l("A refusal must be approved by a second staff member"))
    validity_months = IntegerField(_l("Months a decision applies"),
                                   validators=[DataRequired(), NumberRange(min=1, max=60)])
    period_start_month = SelectField(_l("The application period starts in"), coerce=int, choices=MONTHS,
                                     description=_l("Declarations count for one application period of twelve "
                                                    "months. January means the calendar year."))
    ground_violence = _ground(GROUNDS.label("violence"))
    ground_discrimination = _ground(GROUNDS.label("discrimination"))
    ground_promoting = _ground(GROUNDS.label("promoting"))
    ground_counteracting_democracy = _ground(GROUNDS.label("counteracting_democracy"))
    ground_special_reasons = _ground(GROUNDS.label("special_reasons"))
    complaint_guidance_da = TextAreaField(_l("Appeal information in Danish"), filters=[clean_text],
                                          validators=[Length(max=5000), multi_line])
    complaint_guidance_sv = TextAreaField(_l("Appeal information in Swedish"), filters=[clean_text],
                                          validators=[Length(max=5000), multi_line])
    complaint_guidance_en = TextAreaField(_l("Appeal information in English"), filters=[clean_text],
                                          validators=[Length(max=5000), multi_line])

    def grounds(self) -> dict[str, str]:
        """The democracy grounds the municipality's rules contain: ground → the section that holds it."""
        return {ground: getattr(self, f"ground_{ground}").data or "" for ground in GROUNDS}


class HearingAnswerForm(FlaskForm):
    """The association's answer to a hearing."""

    answer = TextAreaField(_l("Your answer"), filters=[clean_text],
                           validators=[DataRequired(), Length(max=20000), multi_line])
    file = FileField(_l("Attach a document (optional)"), description=_l("PDF, ODT, DOCX, PNG or JPEG, at most 10 MB."))
