"""Step 5 and 6: documents and declarations."""

from datetime import date

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from registry.associations import bp, policies
from registry.associations.choices import DOCUMENT_KINDS, REQUIRED_DOCUMENTS
from registry.associations.declarations import BY_KIND, required_for
from registry.associations.forms.files import DeclarationForm, DocumentForm
from registry.associations.models import Document
from registry.associations.services import files
from registry.associations.services.submission import STEPS, completed_steps
from registry.associations.views import load_association
from registry.core.authz import require
from registry.core.downloads import attachment
from registry.core.forms import FieldValueError, apply_service_errors
from registry.extensions import db
from registry.screening.services.settings import current_period_start


def _load_document(association_id: int, document_id: int) -> dict:
    loaded = load_association(association_id)
    document = db.session.get(Document, document_id)
    if document is None or document.association_id != association_id:
        abort(404)
    return {**loaded, "document": document}


def _documents_page(association, form):
    return render_template("associations/steps/documents.html", association=association, form=form,
                           documents=files.documents_of(association), kinds=DOCUMENT_KINDS,
                           required=REQUIRED_DOCUMENTS, steps=STEPS, done=completed_steps(association))


@bp.route("/<int:association_id>/documents", methods=["GET", "POST"])
@require(policies.can_edit_association, load=load_association)
def documents(association):
    """List the documents and upload another."""
    form = DocumentForm()
    if form.validate_on_submit():
        upload = form.file.data
        try:
            files.add_document(current_user, association, form.kind.data, upload.filename, upload.read())
            flash(_("The document has been uploaded."), "success")
            return redirect(url_for("associations.documents", association_id=association.id), code=303)
        except FieldValueError as error:
            apply_service_errors(form, error)
    return _documents_page(association, form)


# Document ids are sequential: a document outside the user's reach answers as one that does not exist.
@bp.get("/<int:association_id>/documents/<int:document_id>")
@require(policies.can_read_documents, load=_load_document, hide=True)
def download_document(association, document):
    """Download a document (representatives, and the home municipality's staff once the association submitted)."""
    return attachment(document.data, document.content_type, document.filename)


@bp.post("/<int:association_id>/documents/<int:document_id>/delete")
@require(policies.can_edit_association, load=_load_document, hide=True)
def delete_document(association, document):
    """Remove a document."""
    files.delete_document(current_user, document)
    flash(_("The document %(name)s has been removed.", name=document.filename), "success")
    return redirect(url_for("associations.documents", association_id=association.id), code=303)


def _declarations_page(association, forms: dict):
    locale = str(get_locale())
    # A declaration belongs to an application period of the home municipality (FOL § 4, stk. 4): an older one
    # is shown, and the association is asked to give it again.
    period_from = current_period_start(association.home_municipality_id, date.today())
    given = files.current_declarations(association)
    return render_template(
        "associations/steps/declarations.html", association=association, forms=forms, locale=locale,
        texts=required_for(association.country), given=given, period_from=period_from,
        this_period={kind for kind, declaration in given.items()
                     if files.declaration_current(declaration, period_from)},
        steps=STEPS, done=completed_steps(association))


@bp.get("/<int:association_id>/declarations")
@require(policies.can_edit_association, load=load_association)
def declarations(association):
    """The declarations the association is asked for, and which are given."""
    forms = {text.kind: DeclarationForm(prefix=text.kind, formdata=None) for text in required_for(association.country)}
    return _declarations_page(association, forms)


@bp.post("/<int:association_id>/declarations/<any(child_certificates, democracy):kind>")
@require(policies.can_edit_association, load=lambda association_id, kind: {
    **load_association(association_id), "kind": kind})
def declare(association, kind):
    """Give one declaration."""
    if BY_KIND[kind] not in required_for(association.country):
        abort(404)
    forms = {text.kind: DeclarationForm(prefix=text.kind, formdata=None) for text in required_for(association.country)}
    form = forms[kind] = DeclarationForm(prefix=kind)
    if form.validate_on_submit():
        files.give_declaration(current_user, association, kind, str(get_locale()), form.signer_name.data,
                               form.signer_role.data)
        flash(_("Thank you. The declaration has been recorded."), "success")
        return redirect(url_for("associations.declarations", association_id=association.id), code=303)
    return _declarations_page(association, forms)
