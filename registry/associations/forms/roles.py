"""Step 4: roles, motivations and wished-for forms of collaboration."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.validators import Length, ValidationError

from registry.associations.choices import COLLABORATION_FORMS, MOTIVATIONS, ROLES
from registry.associations.forms.fields import MultiCheckboxField, clean_text
from registry.core.inputs import multi_line


class RolesForm(FlaskForm):
    """What the association can contribute, and why it wants to work with the municipality."""

    roles = MultiCheckboxField(_l("Roles the association can take"), choices=ROLES.form_choices())
    roles_description = TextAreaField(
        _l("Describe in your own words how you take these roles"), filters=[clean_text],
        validators=[Length(max=3000), multi_line])
    motivations = MultiCheckboxField(_l("Why do you want to work with the municipality?"),
                                     choices=MOTIVATIONS.form_choices())
    motivations_other = TextAreaField(_l("Other motivation"), filters=[clean_text],
                                      validators=[Length(max=1000), multi_line])
    collaboration_forms = MultiCheckboxField(_l("Forms of collaboration you are interested in"),
                                             choices=COLLABORATION_FORMS.form_choices())
    collaboration_note = TextAreaField(_l("Anything else about how you would like to collaborate"),
                                       filters=[clean_text], validators=[Length(max=2000), multi_line])

    def validate_roles(self, field) -> None:
        """At least one role; 'other' needs a description."""
        if not field.data:
            raise ValidationError(_("Choose at least one role."))

    def validate_roles_description(self, field) -> None:
        """'Other role' must be described."""
        if "other" in (self.roles.data or []) and not field.data:
            raise ValidationError(_("Describe the other role."))

    def validate_motivations(self, field) -> None:
        """At least one motivation."""
        if not field.data:
            raise ValidationError(_("Choose at least one motivation."))

    def validate_motivations_other(self, field) -> None:
        """'Other motivation' must be described."""
        if "other" in (self.motivations.data or []) and not field.data:
            raise ValidationError(_("Describe the other motivation."))

    def validate_collaboration_forms(self, field) -> None:
        """At least one form of collaboration."""
        if not field.data:
            raise ValidationError(_("Choose at least one form of collaboration."))
