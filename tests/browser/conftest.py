"""Fixtures for the real-browser tests: one Chromium per session, a live app per test.

The app is served from a thread by werkzeug on a free port, on a temporary SQLite *file*
(the server's threads and the test share it), with CSRF protection on, exactly as a
visitor meets it. TEST_DATABASE_URL is deliberately ignored: the browser suite runs on
SQLite only (the Makefile runs it in the SQLite pass).

No pytest-playwright: the fixtures below launch Debian's Chromium (CHROMIUM_PATH, default
/usr/bin/chromium). If it is missing, every browser test fails; none is skipped.
"""

import os
import re
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from config import TestingConfig
from registry import create_app
from registry.extensions import db
from registry.municipalities.services import load_municipalities

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

#: The locales every flow runs in; the browser sends them as Accept-Language.
LOCALES = ("da", "sv")

DESKTOP = {"width": 1280, "height": 900}


# ---------------------------------------------------------------- browser


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session."""
    from playwright.sync_api import sync_playwright

    path = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    if not Path(path).is_file():
        pytest.fail(f"Chromium not found at {path}: install it with `apt-get install chromium` "
                    "or set CHROMIUM_PATH. (Never `playwright install`.)", pytrace=False)
    manager = sync_playwright()
    playwright = manager.start()
    try:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
    except Exception:
        playwright.stop()
        raise
    yield browser
    browser.close()
    playwright.stop()


@pytest.fixture
def new_context(browser, live_server):
    """Open browser contexts (closed at teardown); defaults: desktop viewport, Danish.

    Depends on live_server so that the contexts close (and their connections with them)
    before the server shuts down.
    """
    contexts = []

    def make(locale: str = "da", **options):
        options.setdefault("viewport", DESKTOP)
        context = browser.new_context(locale=locale, **options)
        context.set_default_timeout(20_000)
        contexts.append(context)
        # axe-core needs timers, which never fire where JavaScript is off: such a context gets a
        # scripting twin in which assert_accessible checks the same DOM.
        context.axe_mirror = None
        if options.get("java_script_enabled") is False:
            context.axe_mirror = browser.new_context(locale=locale, viewport=options["viewport"])
            contexts.append(context.axe_mirror)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context, locale):
    """A page in a fresh context whose Accept-Language is the test's locale."""
    return new_context(locale).new_page()


@pytest.fixture(params=LOCALES)
def locale(request):
    """Every flow runs once in Danish and once in Swedish."""
    return request.param


# ---------------------------------------------------------------- live server


class LiveServer:
    """The app served over HTTP, with access to its outbox and database."""

    def __init__(self, app, host: str, port: int):
        self.app = app
        self.url = f"http://{host}:{port}"

    @property
    def outbox(self) -> list:
        return self.app.extensions["mail_outbox"]

    def link_in_mail(self, to: str, index: int = -1) -> str:
        """The first http link in the (last) message sent to an address."""
        messages = [message for message in self.outbox if message["To"] == to]
        assert messages, f"no mail to {to}; outbox: {[m['To'] for m in self.outbox]}"
        body = messages[index].get_content()
        found = re.search(r"https?://\S+", body)
        assert found, body
        return found.group(0)

    def query(self, function):
        """Run function() inside an app context (to read what the browser saved)."""
        with self.app.app_context():
            try:
                return function()
            finally:
                db.session.remove()


@pytest.fixture
def live_server(tmp_path):
    """A fresh app on a temporary SQLite file, served from a thread on a free port."""
    database = tmp_path / "e2e.sqlite"
    app = create_app(TestingConfig, SQLALCHEMY_DATABASE_URI=f"sqlite:///{database}",
                     WTF_CSRF_ENABLED=True, SERVER_NAME=None)
    app.extensions["mail_outbox"] = []
    with app.app_context():
        db.create_all()
        load_municipalities()
        db.session.remove()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    try:
        yield LiveServer(app, "127.0.0.1", server.server_port)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
        # Requests still being answered (the browser's connections are closed by now) finish
        # before the database goes away, so that no connection is left open.
        for handler in threading.enumerate():
            if handler.name.endswith("(process_request_thread)"):
                handler.join(timeout=10)
        with app.app_context():
            db.session.remove()
            db.engine.dispose()
