"""Staff forms: the register search (GET, bookmarkable) and staff invitations."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, RadioField, SelectChoice, SelectField, StringField
from wtforms.validators import DataRequired, Email, Length, Optional

from registry.associations.choices import (
    COLLABORATION_FORMS,
    MOTIVATIONS,
    PARTNER_STATUSES,
    ROLES,
    TARGET_GROUPS,
)
from registry.core.forms import FixedChoicesSelect, strip_text
from registry.core.inputs import single_line
from registry.search.query import Filters


def _any(choices) -> list[SelectChoice]:
    return [SelectChoice("", _l("All")), *choices.form_choices()]


class SearchForm(FlaskForm):
    """Text and filters of the register search; read from the query string."""

    class Meta:
        csrf = False  # a GET form: nothing changes, and the URL must be bookmarkable

    q = StringField(_l("Search"), validators=[Optional(), Length(max=200), single_line],
                    description=_l("Words from the name, purpose, activities, target groups or local areas."))
    status = SelectField(_l("Status"), widget=FixedChoicesSelect(), choices=_any(PARTNER_STATUSES), default="")
    role = SelectField(_l("Role"), widget=FixedChoicesSelect(), choices=_any(ROLES), default="")
    motivation = SelectField(_l("Motivation"), widget=FixedChoicesSelect(), choices=_any(MOTIVATIONS), default="")
    collaboration = SelectField(_l("Form of collaboration"), widget=FixedChoicesSelect(),
                                choices=_any(COLLABORATION_FORMS), default="")
    target_group = SelectField(_l("Target group"), widget=FixedChoicesSelect(), choices=_any(TARGET_GROUPS),
                               default="")
    local_area = StringField(_l("Local area"), validators=[Optional(), Length(max=100), single_line])
    has_number = SelectField(_l("CVR number or organisationsnummer"), widget=FixedChoicesSelect(), default="", choices=[
        SelectChoice("", _l("All")), SelectChoice("yes", _l("Has one")), SelectChoice("no", _l("Has none"))])
    documents_complete = BooleanField(_l("Only associations with all documents handed in"))
    sort = SelectField(_l("Sort by"), widget=FixedChoicesSelect(), default="relevance", choices=[
        SelectChoice("relevance", _l("Best match")), SelectChoice("newest", _l("Newest submissions")),
        SelectChoice("name", _l("Name")), SelectChoice("updated", _l("Recently updated"))])

    def filters(self) -> Filters:
        """The validated values as search filters (invalid values are dropped, never an error page)."""
        def value(field):
            return field.data if not field.errors and field.data else ""

        return Filters(query=(value(self.q) or "").strip(), status=value(self.status), role=value(self.role),
                       motivation=value(self.motivation), collaboration=value(self.collaboration),
                       target_group=value(self.target_group), local_area=(value(self.local_area) or "").strip(),
                       has_number=value(self.has_number), documents_complete=bool(self.documents_complete.data),
                       sort=value(self.sort) or "relevance")


class StaffInvitationForm(FlaskForm):
    """An administrator invites a colleague."""

    display_name = StringField(_l("Name"), validators=[DataRequired(), Length(max=120), single_line])
    email = EmailField(_l("E-mail address"), filters=[strip_text],
                       validators=[DataRequired(), Email(), Length(max=254)])
    role = RadioField(_l("Role"), default="officer", validators=[DataRequired()], choices=[
        SelectChoice("officer", _l("Partnership officer")),
        SelectChoice("administrator", _l("Municipal administrator"))])
