"""Step 5 and 6: documents and declarations."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, EmailField, RadioField, SelectChoice, SelectField, StringField
from wtforms.validators import DataRequired, Email, Length

from registry.associations.choices import DOCUMENT_KINDS
from registry.associations.forms.fields import clean_text
from registry.core.forms import strip_text
from registry.core.inputs import single_line


class DocumentForm(FlaskForm):
    """Upload one document."""

    kind = SelectField(_l("Type of document"), choices=DOCUMENT_KINDS.form_choices())
    file = FileField(_l("File"), validators=[FileRequired(message=_l("Choose a file to upload."))],
                     description=_l("PDF, ODT, DOCX, PNG or JPEG, at most 10 MB."))


class DeclarationForm(FlaskForm):
    """Give one declaration on the association's behalf."""

    confirm = BooleanField(_l("I declare this on behalf of the association"),
                           validators=[DataRequired(message=_l("Tick the box to give the declaration."))])
    signer_name = StringField(_l("Your full name"), filters=[clean_text],
                              validators=[DataRequired(), Length(max=120), single_line])
    signer_role = StringField(_l("Your role in the association"), filters=[clean_text],
                              validators=[DataRequired(), Length(max=120), single_line],
                              description=_l("For example chair or treasurer."))


class ConsentForm(FlaskForm):
    """Consent to a public profile page."""

    public_profile = BooleanField(_l("Show a public profile of the association on Partnerregister"),
                                  description=_l("The public profile shows name, municipality, purpose, "
                                                 "activities, target groups, roles and contact details of the "
                                                 "association – never board members or documents."))


class InvitationForm(FlaskForm):
    """Invite a co-representative by e-mail."""

    email = EmailField(_l("E-mail address"), filters=[strip_text],
                       validators=[DataRequired(), Email(), Length(max=254)])
    rights = RadioField(_l("Rights"), default="editor", validators=[DataRequired()],
                        choices=[SelectChoice("editor", _l("Editor")), SelectChoice("owner", _l("Owner"))])
