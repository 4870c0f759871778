"""Documents and declarations of an association."""

import hashlib
from datetime import date
from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import select

from registry.associations.choices import REQUIRED_DOCUMENTS
from registry.associations.declarations import BY_KIND
from registry.associations.models import Association, Declaration, Document
from registry.associations.uploads import ZipBombError, ZipLimits, safe_filename, sniff_type
from registry.audit.services import record_audit
from registry.core.forms import FieldValueError
from registry.extensions import db
from registry.screening.services.rescreening import flag_for_rescreening


def add_document(actor, association: Association, kind: str, filename: str | None, data: bytes) -> Document:
    """Store an upload after checking its size and recognising its type from the content."""
    limit = current_app.config["MAX_DOCUMENT_BYTES"]
    if len(data) > limit:
        raise FieldValueError("file", _("The file is larger than %(mb)d MB. Please upload a smaller file.",
                                        mb=max(1, round(limit / (1024 * 1024)))))
    if not data:
        raise FieldValueError("file", _("The file is empty."))
    content_type = _recognise(data)
    if content_type is None:
        raise FieldValueError("file", _("This type of file cannot be used. "
                                        "Upload a PDF, ODT, DOCX, PNG or JPEG file."))
    document = Document(association_id=association.id, kind=kind, content_type=content_type,
                        filename=safe_filename(filename, content_type), size=len(data),
                        sha256=hashlib.sha256(data).hexdigest(), data=data, uploaded_by_id=actor.id)
    db.session.add(document)
    db.session.flush()
    record_audit(actor, "document.uploaded", document, association_id=association.id,
                 after={"kind": kind, "filename": document.filename, "size": document.size,
                        "sha256": document.sha256})
    _refresh_documents_complete(association)
    if kind == "statutes":
        flag_for_rescreening(actor, association.id, "statutes_amended")
    db.session.commit()
    return document


def _recognise(data: bytes) -> str | None:
    config = current_app.config
    limits = ZipLimits(members=config["MAX_ZIP_MEMBERS"], inflated_bytes=config["MAX_INFLATED_BYTES"],
                       ratio=config["MAX_COMPRESSION_RATIO"])
    try:
        return sniff_type(data, limits)
    except ZipBombError:
        raise FieldValueError("file", _("This file unpacks to far more than its size and cannot be accepted. "
                                        "Save it again from your word processor, or upload it as PDF.")) from None


def delete_document(actor, document: Document) -> None:
    """Remove a document the association no longer wants to hand in."""
    record_audit(actor, "document.deleted", document, association_id=document.association_id,
                 before={"kind": document.kind, "filename": document.filename, "sha256": document.sha256})
    association = db.session.get(Association, document.association_id)
    db.session.delete(document)
    db.session.flush()
    _refresh_documents_complete(association)
    db.session.commit()


def _refresh_documents_complete(association: Association) -> None:
    """Keep the flag staff filter on in step with the documents handed in."""
    kinds = set(db.session.scalars(select(Document.kind).where(Document.association_id == association.id)))
    association.documents_complete = set(REQUIRED_DOCUMENTS) <= kinds


def documents_of(association: Association) -> list[Document]:
    """The association's documents, newest first, without their bytes."""
    return list(db.session.scalars(select(Document).where(Document.association_id == association.id)
                                   .order_by(Document.uploaded_at.desc(), Document.id.desc())))


def give_declaration(actor, association: Association, kind: str, locale: str, signer_name: str,
                     signer_role: str) -> Declaration:
    """Record a declaration with who gave it, when, and the exact text and version shown."""
    text = BY_KIND[kind]
    if association.country not in text.countries:
        raise FieldValueError("confirm", _("This declaration does not apply to the association."))
    declaration = Declaration(
        association_id=association.id, kind=kind, text_version=text.version, locale=locale,
        text=text.text(association.country, locale), signer_name=signer_name, signer_role=signer_role,
        given_by_id=actor.id)
    db.session.add(declaration)
    db.session.flush()
    record_audit(actor, "declaration.given", declaration, association_id=association.id,
                 after={"kind": kind, "version": text.version, "signer": signer_name, "role": signer_role})
    db.session.commit()
    return declaration


def declaration_current(declaration: Declaration | None, period_from: date) -> bool:
    """The declaration was given in the application period that began on ``period_from`` (local time)."""
    zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
    return declaration is not None and declaration.given_at.astimezone(zone).date() >= period_from


def current_declarations(association: Association) -> dict[str, Declaration]:
    """The newest declaration of each kind."""
    latest: dict[str, Declaration] = {}
    for declaration in db.session.scalars(select(Declaration).where(Declaration.association_id == association.id)
                                          .order_by(Declaration.given_at, Declaration.id)):
        latest[declaration.kind] = declaration
    return latest
