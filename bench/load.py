"""Load without loss: concurrent registrations, uploads, deletions and staff work against gunicorn, then a count.

    cd /work/main && .venv/bin/python bench/load.py --seconds 30
    cd /work/main && .venv/bin/python bench/load.py --seconds 30 --postgres postgresql+psycopg://root@127.0.0.1:5432

A fresh register (a SQLite file, or the PostgreSQL database load_test) is migrated and seeded with an officer and
a few handed-in associations. gunicorn serves it with 2 workers in production mode. 16 virtual users (threads) then
work at once until time is up, each in its own browser session with CSRF tokens, as people do:
* new people register, log in, create an association, upload a document, delete it and upload another;
* the officer opens the dashboard, searches, reads an association and opens its screening.
Afterwards the server is stopped and the database is counted: every account, association and document the
users were told was saved must be there (0 lost), no answer may be a server error, and `flask registry
verify-audit` must find the audit chain intact. The figures go to bench/results/load-<engine>.json.
"""

import argparse
import html
import http.cookiejar
import json
import os
import re
import secrets
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
RESULTS = BENCH / "results"
VENV_BIN = Path(sys.executable).parent
sys.path.insert(0, str(BENCH))

from run import Server  # noqa: E402  (bench/run.py: gunicorn on bench/app.py)

PASSWORD = "load-test-password-2026"
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
SEED = """
from datetime import UTC, datetime
from registry.accounts.passwords import hash_password
from registry.accounts.models import User
from registry.extensions import db
from tests.factories import Factories

factories = Factories()
factories.PASSWORD = {password!r}
officer = factories.staff(email="officer@aarhus.example", display_name="Olga Officer")
officer.password_hash = hash_password({password!r})
officer.email_verified_at = datetime.now(UTC)
factories.decision_settings()
for number in range(8):
    factories.submitted_association(name=f"Seeded Boldklub {{number}}", complete=True)
db.session.commit()
"""


# -- the register ------------------------------------------------------------------------------------------

def flask(url: str, *args: str) -> subprocess.CompletedProcess:
    """Run a flask command of the app against the register."""
    env = {**os.environ, "DATABASE_URL": url, "REGISTRY_ENV": "development"}
    return subprocess.run([str(VENV_BIN / "flask"), "--app", "wsgi", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True)


def fresh_register(postgres: str | None) -> str:
    """A migrated, seeded, empty-but-for-the-seed register; its URL."""
    RESULTS.mkdir(exist_ok=True)
    if postgres:
        base = postgres.rstrip("/")
        admin = f"{base}/postgres"
        for statement in ("DROP DATABASE IF EXISTS load_test WITH (FORCE)", "CREATE DATABASE load_test"):
            subprocess.run([str(VENV_BIN / "python"), "-c", (
                "import sqlalchemy as sa, sys; engine = sa.create_engine(sys.argv[1], isolation_level='AUTOCOMMIT');"
                "engine.connect().exec_driver_sql(sys.argv[2])"), admin, statement], check=True)
        url = f"{base}/load_test"
    else:
        path = RESULTS / "load.sqlite"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        url = f"sqlite:///{path}"
    for command in (["db", "upgrade"], ["municipalities", "load"], ["checklists", "load"]):
        done = flask(url, *command)
        if done.returncode:
            raise SystemExit(f"flask {' '.join(command)} failed:\n{done.stderr}")
    seed = ("from wsgi import app\nwith app.app_context():\n" +
            "".join(f"    {line}\n" for line in SEED.format(password=PASSWORD).strip().splitlines()))
    env = {**os.environ, "DATABASE_URL": url, "REGISTRY_ENV": "development"}
    subprocess.run([str(VENV_BIN / "python"), "-c", seed], cwd=ROOT, env=env, check=True)
    return url


# -- a browser ---------------------------------------------------------------------------------------------

class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a redirect is an answer to count, not to follow


class Browser:
    """One person's session: cookies (Secure ones too, over plain HTTP to 127.0.0.1) and CSRF tokens."""

    def __init__(self, base: str, statuses: Counter, lock: threading.Lock):
        jar = http.cookiejar.CookieJar(http.cookiejar.DefaultCookiePolicy(secure_protocols=("https", "http")))
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _NoRedirect)
        self.base, self.statuses, self.lock = base, statuses, lock

    def request(self, path: str, data: bytes | None = None, content_type: str | None = None) -> tuple[int, str, str]:
        """(status, location, body) of one request; every status is counted."""
        headers = {"Content-Type": content_type} if content_type else {}
        request = urllib.request.Request(self.base + path, data=data, headers=headers)
        try:
            with self.opener.open(request, timeout=60) as response:
                status, location, body = response.status, "", response.read().decode(errors="replace")
        except urllib.error.HTTPError as answer:
            status, location = answer.code, answer.headers.get("Location", "")
            body = answer.read().decode(errors="replace")
        with self.lock:
            self.statuses[status] += 1
        return status, location, body

    def token(self, path: str) -> str:
        """The CSRF token of the page's form."""
        _status, _location, page = self.request(path)
        found = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page) or re.search(
            r'value="([^"]+)"[^>]*name="csrf_token"', page)
        return html.unescape(found.group(1)) if found else ""

    def post(self, path: str, fields: dict, form_path: str | None = None) -> tuple[int, str, str]:
        """Post a form with the CSRF token of the page it is on."""
        data = {"csrf_token": self.token(form_path or path), **fields}
        return self.request(path, urllib.parse.urlencode(data).encode(), "application/x-www-form-urlencoded")

    def upload(self, path: str, fields: dict, filename: str, content: bytes, form_path: str) -> tuple[int, str, str]:
        """Post a multipart form with one file, as a browser does."""
        boundary = uuid.uuid4().hex
        parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
                 for name, value in {"csrf_token": self.token(form_path), **fields}.items()]
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{filename}"\r\n'
                     f"Content-Type: application/pdf\r\n\r\n".encode() + content + b"\r\n")
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        return self.request(path, body, f"multipart/form-data; boundary={boundary}")


# -- what people do ----------------------------------------------------------------------------------------

class Tally:
    """What the users were told was saved, and what went wrong, across threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.statuses: Counter = Counter()
        self.saved: Counter = Counter()
        self.emails: list[str] = []
        self.problems: list[str] = []

    def count(self, what: str, n: int = 1) -> None:
        with self.lock:
            self.saved[what] += n

    def problem(self, text: str) -> None:
        with self.lock:
            self.problems.append(text)


def newcomer(base: str, tally: Tally) -> None:
    """Register, log in, create an association, upload, delete, upload again."""
    browser = Browser(base, tally.statuses, tally.lock)
    email = f"load-{uuid.uuid4().hex[:12]}@forening.example"
    status, _location, _body = browser.post("/account/register", {
        "display_name": "Load Tester", "email": email, "password": PASSWORD, "password_confirm": PASSWORD})
    if status != 303:
        return tally.problem(f"register answered {status}")
    with tally.lock:
        tally.emails.append(email)
    tally.count("accounts")
    status, _location, _body = browser.post("/account/login", {"email": email, "password": PASSWORD})
    if status != 303:
        return tally.problem(f"login answered {status}")
    status, location, _body = browser.post("/associations/new", {"name": f"Load Forening {email[5:17]}",
                                                                  "country": "DK"})
    found = re.search(r"/associations/(\d+)/", location or "")
    if status != 303 or not found:
        return tally.problem(f"create answered {status}")
    tally.count("associations")
    association = found.group(1)
    documents = f"/associations/{association}/documents"
    for round_ in range(2):
        status, _location, _body = browser.upload(documents, {"kind": "other"}, f"bilag{round_}.pdf", PDF, documents)
        if status != 303:
            return tally.problem(f"upload answered {status}")
        tally.count("documents")
        if round_ == 0:
            _status, _location, page = browser.request(documents)
            ids = re.findall(rf"{documents}/(\d+)/delete", page)
            if not ids:
                return tally.problem("uploaded document not listed")
            status, _location, _body = browser.post(f"{documents}/{ids[0]}/delete", {}, documents)
            if status != 303:
                return tally.problem(f"delete answered {status}")
            tally.count("documents", -1)


def officer(base: str, tally: Tally) -> None:
    """The officer's round: dashboard, a search, an association, opening (or finding) its screening."""
    browser = Browser(base, tally.statuses, tally.lock)
    status, _location, _body = browser.post("/account/login", {"email": "officer@aarhus.example",
                                                                "password": PASSWORD})
    if status != 303:
        return tally.problem(f"officer login answered {status}")
    browser.request("/staff/")
    _status, _location, page = browser.request("/staff/search?q=boldklub")
    ids = re.findall(r"/staff/associations/(\d+)", page)
    if not ids:
        return tally.problem("search found nothing")
    association = ids[secrets.randbelow(len(ids))]
    page_path = f"/staff/associations/{association}"
    browser.request(page_path)
    status, _location, _body = browser.post(f"/staff/screening/associations/{association}/open", {
        "screening-legal_basis": "dk_fol_stk3", "screening-applies_grant": "y"}, page_path)
    if status != 303:
        tally.problem(f"open screening answered {status}")


def drive(base: str, connections: int, seconds: float) -> Tally:
    """Run the users on ``connections`` threads until time is up."""
    tally, deadline = Tally(), time.monotonic() + seconds

    def user(number: int) -> None:
        while time.monotonic() < deadline:
            (officer if number % 4 == 3 else newcomer)(base, tally)

    with ThreadPoolExecutor(connections) as pool:
        list(pool.map(user, range(connections)))
    return tally


# -- counting afterwards -----------------------------------------------------------------------------------

COUNT = """
import json, sys
from sqlalchemy import func, select
from wsgi import app
from registry.accounts.models import User
from registry.associations.models import Association, Document
from registry.audit.services import verify_chain
from registry.extensions import db
emails = json.loads(sys.stdin.read())
with app.app_context():
    users = db.session.scalars(select(User.id).where(User.email.in_(emails))).all()
    associations = db.session.scalar(select(func.count()).select_from(Association).where(
        Association.name.like("Load Forening %")))
    documents = db.session.scalar(select(func.count()).select_from(Document).join(Association).where(
        Association.name.like("Load Forening %")))
    print(json.dumps({"accounts": len(users), "associations": associations, "documents": documents,
                      "audit_problems": len(verify_chain())}))
"""


def counted(url: str, emails: list[str]) -> dict:
    """What the database holds of what the users created, and the audit chain's problems."""
    env = {**os.environ, "DATABASE_URL": url, "REGISTRY_ENV": "development"}
    done = subprocess.run([str(VENV_BIN / "python"), "-c", COUNT], cwd=ROOT, env=env, input=json.dumps(emails),
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    """Seed, serve, drive, count, report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--postgres", help="a PostgreSQL server URL; the database load_test is made there")
    args = parser.parse_args()
    url = fresh_register(args.postgres)
    engine = "postgresql" if args.postgres else "sqlite"
    os.environ.update(LOGIN_RATE_LIMIT="100000 per minute", REGISTER_RATE_LIMIT="100000 per minute")
    started = time.monotonic()
    with Server(url, args.workers, RESULTS / f"load-{engine}-gunicorn.log") as server:
        tally = drive(server.base, args.connections, args.seconds)
    elapsed = time.monotonic() - started
    held = counted(url, tally.emails)
    report = {
        "engine": engine, "seconds": round(elapsed, 1), "connections": args.connections, "workers": args.workers,
        "requests": sum(tally.statuses.values()), "statuses": dict(sorted(tally.statuses.items())),
        "server_errors": sum(n for status, n in tally.statuses.items() if status >= 500),
        "told_saved": dict(tally.saved), "held": held,
        "lost": {what: tally.saved[what] - held[what] for what in ("accounts", "associations", "documents")},
        "problems": Counter(tally.problems).most_common(10),
    }
    (RESULTS / f"load-{engine}.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))
    ok = report["server_errors"] == 0 and not any(report["lost"].values()) and held["audit_problems"] == 0
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
