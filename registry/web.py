"""Wiring done once per app: blueprints, template helpers, error pages, database hooks."""

from flask import Flask, flash, has_request_context, redirect, render_template, request
from flask_babel import format_datetime, format_decimal, get_locale
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import event
from sqlalchemy.orm import Session
from werkzeug.exceptions import RequestEntityTooLarge

from registry.core.i18n import LANGUAGE_NAMES, format_date, install_template_gettext
from registry.core.inputs import BoundedIntConverter
from registry.extensions import db, login_manager

#: Browser features the app never uses, denied to every page and any frame: an injected script or a hostile
#: embed cannot ask for them. Only features Chromium recognises, so that it logs no warning about the header.
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in (
    "accelerometer", "browsing-topics", "camera", "display-capture", "geolocation", "gyroscope", "hid",
    "interest-cohort", "magnetometer", "microphone", "midi", "payment", "serial", "usb"))


def register(app: Flask) -> None:
    """Attach every domain's blueprint and the shared request machinery."""
    # Before any route: every <int:...> answers 404 for an id the database's integer columns cannot hold.
    app.url_map.converters["int"] = BoundedIntConverter
    # Views and commands are imported here, not by their packages, so that any service can
    # import any model without an import cycle through a blueprint package.
    import registry.accounts.cli  # noqa: F401
    import registry.accounts.views  # noqa: F401
    import registry.associations.views.documents  # noqa: F401
    import registry.associations.views.people  # noqa: F401
    import registry.associations.views.wizard  # noqa: F401
    import registry.awards.views  # noqa: F401
    import registry.checklists.cli  # noqa: F401
    import registry.checklists.views  # noqa: F401
    import registry.municipalities.cli  # noqa: F401
    import registry.public.views  # noqa: F401
    import registry.publication.views  # noqa: F401
    import registry.qualification.views  # noqa: F401
    import registry.screening.views.association  # noqa: F401
    import registry.screening.views.settings  # noqa: F401
    import registry.screening.views.staff  # noqa: F401
    import registry.staff.views  # noqa: F401
    import registry.staff.views.people  # noqa: F401
    import registry.supervision.views  # noqa: F401
    from registry.accounts import bp as accounts_bp
    from registry.associations import bp as associations_bp
    from registry.awards import bp as awards_bp
    from registry.checklists import bp as checklists_bp
    from registry.municipalities import bp as municipalities_bp
    from registry.public import bp as public_bp
    from registry.publication import bp as publication_bp
    from registry.qualification import bp as qualification_bp
    from registry.screening import association_bp as association_screening_bp
    from registry.screening import bp as screening_bp
    from registry.staff import bp as staff_bp
    from registry.supervision import bp as supervision_bp

    app.register_blueprint(public_bp)
    app.register_blueprint(staff_bp, url_prefix="/staff")
    app.register_blueprint(qualification_bp, url_prefix="/staff/qualification")
    app.register_blueprint(screening_bp, url_prefix="/staff/screening")
    app.register_blueprint(awards_bp, url_prefix="/staff/awards")
    app.register_blueprint(association_screening_bp, url_prefix="/associations")
    app.register_blueprint(supervision_bp, url_prefix="/staff/supervision")
    app.register_blueprint(publication_bp)
    app.register_blueprint(checklists_bp, url_prefix="/staff/checklists", cli_group="checklists")
    app.register_blueprint(accounts_bp, url_prefix="/account")
    app.register_blueprint(associations_bp, url_prefix="/associations")
    app.register_blueprint(municipalities_bp, cli_group="municipalities")
    from registry import cli
    from registry.search import freshness

    cli.register(app)
    _template_helpers(app)
    _error_pages(app)
    _security_headers(app)
    _login(app)
    _sqlite_pragmas(app)
    freshness.watch(Session)
    # Models of every domain must be imported before migrations compare metadata.
    import registry.audit.models  # noqa: F401
    import registry.core.outbox  # noqa: F401  (the outbox table, and delivery after each commit)
    import registry.search.models  # noqa: F401


def _template_helpers(app: Flask) -> None:
    from registry.core.forms import describedby_ids, form_errors

    app.jinja_env.globals.update(form_errors=form_errors, describedby_ids=describedby_ids)
    app.jinja_env.policies["ext.i18n.trimmed"] = True
    install_template_gettext(app)

    @app.context_processor
    def inject() -> dict:
        return {
            "current_locale": str(get_locale()),
            "language_names": LANGUAGE_NAMES,
            "format_date": format_date,
            "format_datetime": format_datetime,
            "format_decimal": format_decimal,
        }


def _error_pages(app: Flask) -> None:
    def render(code: int):
        return lambda error: (render_template(f"errors/{code}.html"), code)

    for code in (400, 403, 404, 405, 429, 500):
        app.register_error_handler(code, render(code))

    @app.errorhandler(RequestEntityTooLarge)
    def too_large(error):
        # The body was never read, so the form cannot be shown again: say why on the same page.
        flash(_("The file is larger than 10 MB. Please upload a smaller file."), "error")
        return redirect(request.full_path.rstrip("?"), code=303)


def _security_headers(app: Flask) -> None:
    @app.after_request
    def headers(response):
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            "frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        # Only on HTTPS (directly, or as the trusted proxy says with PROXY_FIX): browsers ignore it on plain http,
        # and a development server on http must not teach a browser to insist on https for the host.
        if request.is_secure:
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
        if current_user.is_authenticated:
            response.headers.setdefault("Cache-Control", "private, no-store")
        return response


def _login(app: Flask) -> None:
    from registry.accounts.models import AnonymousUser
    from registry.accounts.services import user_for_session

    login_manager.anonymous_user = AnonymousUser
    login_manager.login_view = "accounts.login"
    login_manager.login_message = None

    @login_manager.user_loader
    def load_user(session_token: str):
        # The cookies name a server-side session, not a user: once it is ended (logout, a new password,
        # deactivation) a replayed session or remember cookie loads no one. Old cookies holding a bare
        # user id load no one either, so everyone logs in once more after this change.
        return user_for_session(session_token)


def _sqlite_pragmas(app: Flask) -> None:
    """WAL, enforced foreign keys and a busy timeout on every SQLite connection.

    Also a 16 MB page cache (SQLite's default is 2 MB) and up to 128 MB of the file memory-mapped: on a
    register of 100 000 associations a search reads a few thousand pages of indexes, which otherwise
    come back through a read() call each time (see docs/performance.md).
    """
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        return

    def set_pragmas(dbapi_connection, connection_record):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA cache_size=-16000")
        cursor.execute("PRAGMA mmap_size=134217728")
        cursor.close()
        # The driver would begin a transaction only at the first write, so what a service read before it (the
        # audit chain's head, the owners left) could be stale by the time it writes. Transactions begin here.
        dbapi_connection.isolation_level = None

    def begin(connection):
        # A request that may write takes the write lock at once: two app processes cannot both read the same
        # state and then write on it. Reading requests share the database as before.
        connection.exec_driver_sql("BEGIN" if _only_reads() else "BEGIN IMMEDIATE")

    with app.app_context():
        event.listen(db.engine, "connect", set_pragmas)
        event.listen(db.engine, "begin", begin)


def _only_reads() -> bool:
    """A request whose method does not change anything (outside a request: a command, which may write)."""
    return has_request_context() and request.method in ("GET", "HEAD", "OPTIONS")
