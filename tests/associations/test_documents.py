"""Step 5: uploading, recognising, downloading and deleting documents."""

import pytest
from sqlalchemy import select

from registry.associations.models import Document
from registry.extensions import db
from tests.associations.helpers import (
    JPEG,
    PDF,
    PNG,
    Page,
    audit_events,
    count,
    docx_bytes,
    log_in,
    odt_bytes,
    plain_zip_bytes,
    upload,
)
from tests.factories import Factories
from tests.pages import page_apart_from

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT_TYPE = "application/vnd.oasis.opendocument.text"


@pytest.fixture
def association(factories, owner):
    """A Danish association of the owner, home municipality Aarhus (751)."""
    return factories.association(owner=owner)


def _only_document() -> Document:
    return db.session.scalars(select(Document)).one()


# -- accepted formats ------------------------------------------------------------------------------


@pytest.mark.parametrize(("content", "filename", "content_type", "stored_name"), [
    (PDF, "vedtaegter.pdf", "application/pdf", "vedtaegter.pdf"),
    (PNG, "scan.png", "image/png", "scan.png"),
    (JPEG, "foto.jpeg", "image/jpeg", "foto.jpg"),
    (docx_bytes(), "referat.docx", DOCX_TYPE, "referat.docx"),
    (odt_bytes(), "regnskab.odt", ODT_TYPE, "regnskab.odt"),
], ids=["pdf", "png", "jpeg", "docx", "odt"])
def test_accepted_formats_are_stored(association, owner, owner_client, content, filename, content_type,
                                     stored_name):
    """PDF, PNG, JPEG, DOCX and ODT are recognised by content and stored with their bytes."""
    response = upload(owner_client, association.id, content, filename, kind="minutes")

    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/associations/{association.id}/documents")
    document = _only_document()
    assert (document.kind, document.content_type, document.filename) == ("minutes", content_type, stored_name)
    assert (document.size, document.data, document.uploaded_by_id) == (len(content), content, owner.id)
    assert stored_name in Page(owner_client.get(f"/associations/{association.id}/documents")).text


# -- refused content -------------------------------------------------------------------------------


@pytest.mark.parametrize(("content", "filename", "fragment"), [
    (b"This is plain text pretending to be a PDF.\n", "statutes.pdf", "cannot be used"),
    (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + bytes(64), "setup.exe", "cannot be used"),
    (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + bytes(64), "statutes.pdf", "cannot be used"),
    (plain_zip_bytes(), "archive.docx", "cannot be used"),
    (b"PK\x03\x04 but not really a zip archive", "broken.odt", "cannot be used"),
    (b"", "empty.pdf", "empty"),
], ids=["text-named-pdf", "exe", "exe-named-pdf", "plain-zip", "broken-zip", "empty"])
def test_refused_content_gives_a_clear_message(association, owner_client, content, filename, fragment):
    """Anything but the accepted formats is refused next to the file field (200) and not stored."""
    response = upload(owner_client, association.id, content, filename, content_type="application/pdf")

    assert response.status_code == 200
    message = Page(response).error_for("file")
    assert message is not None and fragment in message, message
    assert count(Document) == 0


def test_missing_file_is_an_error(association, owner_client):
    """Posting the form without choosing a file asks for one."""
    response = owner_client.post(f"/associations/{association.id}/documents", data={"kind": "statutes"},
                                 content_type="multipart/form-data")

    assert response.status_code == 200
    assert "Choose a file" in Page(response).error_for("file")
    assert count(Document) == 0


def test_content_type_comes_from_content_not_from_name_or_browser(association, owner_client):
    """A PNG sent as "scan.pdf" with type application/pdf is stored as image/png named scan.png."""
    response = upload(owner_client, association.id, PNG, "scan.pdf", content_type="application/pdf")

    assert response.status_code == 303
    document = _only_document()
    assert (document.content_type, document.filename) == ("image/png", "scan.png")


@pytest.mark.parametrize("filename", ["../../etc/passwd.pdf", "..\\..\\windows\\evil.pdf", "/tmp/\x01x\"y.pdf"])
def test_filename_is_sanitised(association, owner_client, filename):
    """Paths and control characters are removed from the stored filename."""
    assert upload(owner_client, association.id, PDF, filename).status_code == 303

    stored = _only_document().filename
    assert "/" not in stored and "\\" not in stored and ".." not in stored
    assert all(ord(char) >= 32 for char in stored) and '"' not in stored
    assert stored.endswith(".pdf")


BIDI_AND_FORMAT = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
                   "\u200e", "\u200f", "\u061c", "\u200b", "\u200d", "\ufeff", "\u00ad", "\x85", "\u2028"]


def test_right_to_left_override_cannot_disguise_the_extension(association, owner_client):
    """ "invoice\u202eexe.pdf" would display as "invoicefdp.exe": the override is removed before the name is stored."""
    assert upload(owner_client, association.id, PDF, "invoice\u202eexe.pdf").status_code == 303

    stored = _only_document().filename
    assert stored == "invoiceexe.pdf"
    assert stored in Page(owner_client.get(f"/associations/{association.id}/documents")).text


@pytest.mark.parametrize("char", BIDI_AND_FORMAT, ids=[f"U+{ord(c):04X}" for c in BIDI_AND_FORMAT])
def test_safe_filename_removes_bidi_and_format_characters(char):
    """Every bidi control and other control or format character (Unicode categories Cc and Cf) is removed."""
    import unicodedata

    from registry.associations.uploads import safe_filename

    name = safe_filename(f"refe{char}rat{char}.{char}pdf", "application/pdf")
    assert name == "referat.pdf"
    assert all(unicodedata.category(c) not in ("Cc", "Cf") for c in name)


def test_safe_filename_keeps_letters_of_any_script():
    """Danish, Swedish and Arabic letters and combining accents are not format characters and stay."""
    from registry.associations.uploads import safe_filename

    assert safe_filename("Årsmøde – protokoll för 2026 تقرير.docx", "application/pdf") == (
        "Årsmøde – protokoll för 2026 تقرير.pdf")
    assert safe_filename("Cafe\u0301.png", "image/png") == "Cafe\u0301.png"


# -- size limits -----------------------------------------------------------------------------------


@pytest.fixture
def small_limits(make_app):
    """An app with a 1000-byte document limit and a 100 000-byte request limit, and a logged-in owner."""
    app = make_app(MAX_DOCUMENT_BYTES=1000, MAX_CONTENT_LENGTH=100_000)
    factories = Factories()
    owner = factories.user(locale="en")
    association = factories.association(owner=owner)
    return log_in(app.test_client(), owner), association


def test_document_over_the_document_limit_is_a_field_error(small_limits):
    """A file larger than MAX_DOCUMENT_BYTES is refused next to the file field."""
    browser, association = small_limits
    response = upload(browser, association.id, PDF + b"0" * (2000 - len(PDF)), "big.pdf")

    assert response.status_code == 200
    assert "larger than" in Page(response).error_for("file")
    assert count(Document) == 0


def test_request_over_the_content_limit_redirects_back_with_a_message(small_limits):
    """A request larger than MAX_CONTENT_LENGTH is answered with a redirect back and a flash message."""
    browser, association = small_limits
    url = f"/associations/{association.id}/documents"
    response = upload(browser, association.id, PDF + b"0" * 200_000, "huge.pdf")

    assert response.status_code == 303
    assert response.headers["Location"].endswith(url)
    page = Page(browser.get(response.headers["Location"]))
    assert any("larger than 10 MB" in text for text in page.flashes())
    assert count(Document) == 0


# -- downloading -----------------------------------------------------------------------------------


@pytest.fixture
def document(association, owner_client):
    """A PNG uploaded by the owner through the form."""
    assert upload(owner_client, association.id, PNG, "logo.png").status_code == 303
    return _only_document()


def _download_url(association, document) -> str:
    return f"/associations/{association.id}/documents/{document.id}"


def _submit(association) -> None:
    """Hand the association in, as the submission service would, so that its home municipality may read it."""
    from registry.core.models import utcnow

    association.status, association.submitted_at = "submitted", utcnow()
    db.session.commit()


def _assert_downloaded(response) -> None:
    assert response.status_code == 200
    assert response.data == PNG
    assert response.headers["Content-Type"] == "image/png"
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment") and "logo.png" in disposition
    # Never kept by a browser or proxy cache, and never re-typed by the browser.
    assert response.headers["Cache-Control"] == "private, no-store"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def _assert_hidden(response) -> None:
    assert response.status_code == 404
    assert PNG not in response.data


def test_owner_downloads_the_exact_bytes(association, document, owner_client):
    """The owner gets the stored bytes as an attachment."""
    _assert_downloaded(owner_client.get(_download_url(association, document)))


def test_home_municipality_staff_download(association, document, factories, other_client):
    """Staff of the home municipality of a submitted association may download its documents."""
    _submit(association)
    staff = other_client(factories.staff(code="751", locale="en"))
    _assert_downloaded(staff.get(_download_url(association, document)))


def test_home_municipality_staff_cannot_download_a_drafts_document(association, document, factories,
                                                                   other_client):
    """A draft is the association's own: its home municipality's staff get the 404 of a document id that does not
    exist, so that sequential ids reveal nothing; once submitted, the same URL opens."""
    staff = other_client(factories.staff(code="751", locale="en"))
    draft_url = _download_url(association, document)
    missing_url = f"/associations/{association.id}/documents/{document.id + 1000}"
    draft, missing = staff.get(draft_url), staff.get(missing_url)

    _assert_hidden(draft)
    assert draft.status_code == missing.status_code
    assert page_apart_from(draft, draft_url) == page_apart_from(missing, missing_url)
    _submit(association)
    _assert_downloaded(staff.get(_download_url(association, document)))


def test_non_ascii_filename_downloads_under_its_own_name(association, owner_client):
    """A Danish or Arabic file name survives the download: an ASCII fallback and the real name as filename*."""
    from urllib.parse import unquote

    assert upload(owner_client, association.id, PNG, "Årsregnskab æøå تقرير.png").status_code == 303
    response = owner_client.get(_download_url(association, _only_document()))

    assert response.status_code == 200 and response.data == PNG
    disposition = response.headers["Content-Disposition"]
    disposition.encode("latin-1")  # a header a browser can read at all
    fallback = disposition.split('filename="', 1)[1].split('"', 1)[0]
    assert fallback.isascii() and fallback.endswith(".png")
    real = disposition.split("filename*=UTF-8''", 1)[1].split(";", 1)[0]
    assert unquote(real) == "Årsregnskab æøå تقرير.png"


def test_editor_downloads(association, document, make_user, other_client):
    """An editor of the association may download its documents."""
    from registry.associations.models import Representative

    editor = make_user()
    db.session.add(Representative(association_id=association.id, user_id=editor.id, rights="editor"))
    db.session.commit()
    _assert_downloaded(other_client(editor).get(_download_url(association, document)))


def test_representative_of_another_association_is_refused_as_if_missing(association, document, factories,
                                                                        make_user, other_client):
    """The owner of another association gets 404, as for a document that does not exist."""
    stranger = make_user()
    factories.association(owner=stranger)
    _assert_hidden(other_client(stranger).get(_download_url(association, document)))


@pytest.mark.parametrize(("country", "code"), [("DK", "101"), ("SE", "1480")])
def test_staff_of_another_municipality_is_refused_as_if_missing(association, document, factories, other_client,
                                                                country, code):
    """Staff of a municipality that is not the home municipality get 404, even once the association submitted."""
    _submit(association)
    staff = other_client(factories.staff(country=country, code=code, locale="en"))
    _assert_hidden(staff.get(_download_url(association, document)))


def test_deactivated_home_staff_is_refused(association, document, factories, other_client):
    """Staff whose account was deactivated after logging in no longer get the documents."""
    _submit(association)
    user = factories.staff(code="751", locale="en")
    staff = other_client(user)
    user.active = False
    db.session.commit()

    response = staff.get(_download_url(association, document))
    assert response.status_code in (302, 303, 404)  # logged out, or refused as if missing
    assert PNG not in response.data


def test_anonymous_is_sent_to_log_in(app, association, document):
    """A visitor who is not logged in is redirected to the login page."""
    response = app.test_client().get(_download_url(association, document))

    assert response.status_code in (302, 303)
    assert "/account/login" in response.headers["Location"]


def test_document_of_another_association_is_404(association, document, factories, owner, owner_client):
    """A document id of another association under this association's URL is 404, for both verbs."""
    second = factories.association(owner=owner)
    url = f"/associations/{second.id}/documents/{document.id}"

    assert owner_client.get(url).status_code == 404
    assert owner_client.post(f"{url}/delete").status_code == 404
    assert count(Document) == 1


def test_delete_removes_and_audits(association, document, owner, owner_client):
    """Deleting a document removes it and records who deleted which file."""
    document_id = document.id
    response = owner_client.post(f"/associations/{association.id}/documents/{document_id}/delete")

    assert response.status_code == 303
    assert count(Document) == 0
    [event] = audit_events("document.deleted")
    assert (event.actor_id, event.object_id, event.association_id) == (owner.id, document_id, association.id)
    assert event.before["filename"] == "logo.png"
    assert owner_client.get(f"/associations/{association.id}/documents/{document_id}").status_code == 404


def test_upload_is_audited(association, owner, owner_client):
    """An upload records an audit event with the file's name, size and hash."""
    upload(owner_client, association.id, PDF, "vedtaegter.pdf")

    [event] = audit_events("document.uploaded")
    assert event.actor_id == owner.id
    assert event.after["filename"] == "vedtaegter.pdf"
    assert event.after["size"] == len(PDF)
