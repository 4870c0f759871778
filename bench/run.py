"""Load benchmark of the staff pages: seed, serve with gunicorn, drive with wrk, compare with a bare route.

    cd /work/main && .venv/bin/python bench/run.py --sizes 1000 100000 --duration 10

For each size N: seed bench/results/bench-N.sqlite (bench/seed.py), start gunicorn (2 sync workers,
REGISTRY_ENV=production, a random SECRET_KEY) on bench/app.py, log in as the Aarhus officer, check
every URL answers 200 with the expected content, then run wrk on each URL and print a table.
With --postgres URL the registers are PostgreSQL databases bench_N on that server instead
(e.g. --postgres postgresql+psycopg://root@127.0.0.1:5432). Needs wrk (`apt-get install -y wrk`).
"""

import argparse
import html
import http.cookiejar
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import datetime
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
RESULTS = BENCH / "results"
VENV_BIN = Path(sys.executable).parent
SEARCH_PATH = "/staff/search?q=fodbold&target_group=youth"
# A broad query besides: a full page of 25 rows at every size, and thousands of hits to rank at 100 000.
BROAD_SEARCH_PATH = "/staff/search?q=unge&target_group=youth"

# Targets from the issue, checked for the search page at the largest size.
TARGET_RATIO_TO_BARE = 0.25
TARGET_P95_MS = 25.0
TARGET_MAX_SLOWDOWN = 0.20


# -- seeding ---------------------------------------------------------------------------------------------

def database_url(meta: dict) -> str:
    """The SQLAlchemy URL of a seeded register (older metadata files hold a SQLite path)."""
    return meta["db"] if "://" in meta["db"] else f"sqlite:///{meta['db']}"


def seeded(n: int, reuse: bool, postgres: str | None) -> dict:
    """Seed (or, with --reuse, migrate and reuse) the database for N associations; returns its metadata."""
    if postgres:
        target, meta_path = f"{postgres.rstrip('/')}/bench_{n}", RESULTS / f"bench-pg-{n}.json"
        where, seed_args = f"PostgreSQL database bench_{n}", ["--url", target]
    else:
        db_path = RESULTS / f"bench-{n}.sqlite"
        target, meta_path = f"sqlite:///{db_path}", RESULTS / f"bench-{n}.json"
        where, seed_args = str(db_path.relative_to(ROOT)), ["--db", str(db_path)]
    if reuse and meta_path.exists() and (postgres or db_path.exists()):
        print(f"== N = {n:,}: reusing {where} (migrating it to the current schema)")
        env = {**os.environ, "REGISTRY_ENV": "development", "DATABASE_URL": target}
        subprocess.run([str(VENV_BIN / "flask"), "--app", "wsgi", "db", "upgrade"], cwd=ROOT, env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return json.loads(meta_path.read_text())
    print(f"== N = {n:,}: seeding {where} ...", flush=True)
    started = time.perf_counter()
    result = subprocess.run([sys.executable, str(BENCH / "seed.py"), "--n", str(n), *seed_args],
                            cwd=ROOT, check=True, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    meta = json.loads(result.stdout.strip().splitlines()[-1])
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2))
    print(f"   seeded in {time.perf_counter() - started:.0f} s: {meta['rows']['associations']:,} associations, "
          f"{meta['aarhus_home']:,} with home Aarhus, {meta['goteborg_home']:,} with home Göteborg")
    return meta


# -- the server ------------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn on bench/app.py for one database; stopped on exit."""

    def __init__(self, url: str, workers: int, log_path: Path):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, "REGISTRY_ENV": "production", "SECRET_KEY": secrets.token_hex(32),
                    "DATABASE_URL": url}
        self.command = [str(VENV_BIN / "gunicorn"), "--workers", str(workers), "--worker-class", "sync",
                        "--bind", f"127.0.0.1:{self.port}", "--error-logfile", str(log_path), "bench.app:app"]
        self.process = None
        self.log_path = log_path

    def __enter__(self) -> "Server":
        self.process = subprocess.Popen(self.command, cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn exited with {self.process.returncode}; see {self.log_path}")
            try:
                with urllib.request.urlopen(self.base + "/bench/bare", timeout=2) as response:
                    if response.status == 200:
                        return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        raise SystemExit("gunicorn did not answer within 60 s")

    def __exit__(self, *exc) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)  # gunicorn's own process group (start_new_session)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


# -- logging in and checking pages ----------------------------------------------------------------------

class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a redirect is an answer to check, not to follow


def login(base: str, email: str, password: str) -> str:
    """POST the login form (with its CSRF token) and return the session cookie's value."""
    # Production cookies are Secure; the benchmark talks plain HTTP to 127.0.0.1, so allow "http" here.
    jar = http.cookiejar.CookieJar(http.cookiejar.DefaultCookiePolicy(secure_protocols=("https", "wss", "http")))
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _NoRedirect)
    with opener.open(base + "/account/login", timeout=10) as response:
        page = response.read().decode()
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page) or re.search(
        r'value="([^"]+)"[^>]*name="csrf_token"', page)
    if token is None:
        raise SystemExit("no CSRF token on the login page")
    form = urllib.parse.urlencode({"csrf_token": html.unescape(token.group(1)), "email": email,
                                   "password": password}).encode()
    try:
        opener.open(base + "/account/login", data=form, timeout=30)
        raise SystemExit("login did not redirect: wrong password or form error")
    except urllib.error.HTTPError as answer:
        if answer.code != 303 or not answer.headers.get("Location", "").endswith("/staff/"):
            raise SystemExit(f"login answered {answer.code} → {answer.headers.get('Location')}") from None
    session = next((cookie.value for cookie in jar if cookie.name == "session"), None)
    if session is None:
        raise SystemExit("no session cookie after login")
    return session


def fetch(url: str, cookie: str | None) -> tuple[int, str]:
    request = urllib.request.Request(url, headers={"Cookie": f"session={cookie}"} if cookie else {})
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")


def _count(pattern: str, page: str) -> int:
    found = re.search(pattern, page, re.S)
    return int(re.sub(r"\D", "", found.group(1))) if found else 0


def check(page: dict, base: str) -> str:
    """Fetch once: 200 and the expected content, so that an error page is never benchmarked."""
    status, body = fetch(base + page["path"], page["cookie"])
    if status != 200:
        raise SystemExit(f"{page['path']} answered {status}, not 200; refusing to benchmark it")
    kind = page["kind"]
    if kind == "bare":
        ok, note = body == "ok", "body 'ok'"
    elif kind == "search":
        total = _count(r'<p role="status">\s*([\d.,\u00a0 ]+)', body)
        links = len(re.findall(r'href="/staff/associations/\d+"', body))
        ok, note = total > 0 and links > 0, f"{total:,} found, {links} on the page"
    elif kind == "dashboard":
        numbers = [int(re.sub(r"\D", "", value)) for value in re.findall(r'class="stat-number">([^<]+)<', body)]
        ok, note = len(numbers) == 4 and sum(numbers) > 0, f"status counts {numbers}"
    else:
        ok, note = html.escape(page["expect"]) in body, f"shows {page['expect']!r}"
    if not ok:
        raise SystemExit(f"{page['path']}: unexpected content ({note}); refusing to benchmark it")
    return note


# -- wrk ------------------------------------------------------------------------------------------------

def wrk(url: str, cookie: str | None, args, vary: bool = False) -> dict:
    command = ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}s", "--latency",
               "-s", str(BENCH / "report.lua"), url, *(["--", "vary"] if vary else [])]
    if cookie:
        command[1:1] = ["-H", f"Cookie: session={cookie}"]
    output = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True).stdout
    line = next((line for line in output.splitlines() if line.startswith("BENCH_JSON ")), None)
    if line is None:
        raise SystemExit(f"wrk printed no result:\n{output}")
    return json.loads(line[len("BENCH_JSON "):])


def wait_for_quiet(args) -> None:
    """Other work on the machine skews every figure: wait (up to --wait seconds) for the load to settle."""
    deadline = time.monotonic() + args.wait
    while os.getloadavg()[0] > args.max_load and time.monotonic() < deadline:
        print(f"   load average {os.getloadavg()[0]:.1f} > {args.max_load}: waiting ...", flush=True)
        time.sleep(15)
    if os.getloadavg()[0] > args.max_load:
        print(f"   !! measuring with a load average of {os.getloadavg()[0]:.1f}: other processes compete for the "
              f"CPU; compare ratios, not absolute figures")


def measure(pages: list[dict], base: str, args) -> list[dict]:
    rows = []
    for page in pages:
        url = base + page["path"]
        wait_for_quiet(args)
        if args.warmup:
            warm = argparse.Namespace(**{**vars(args), "duration": args.warmup})
            wrk(url, page["cookie"], warm, page.get("vary", False))
        load_before = os.getloadavg()[0]
        result = wrk(url, page["cookie"], args, page.get("vary", False))
        result["load_before"] = round(load_before, 2)
        errors = result["non200"] + sum(result["errors"].values())
        if not result["requests"]:  # wrk leaves out requests still waiting at the end: say so, not "0 errors"
            print(f"   !! {page['name']}: no request answered in {args.duration} s (wrk gives up after 2 s)")
        if errors:
            print(f"   !! {page['name']}: {result['non200']} answers other than 200, errors {result['errors']}")
        rows.append({**{k: v for k, v in page.items() if k != "cookie"}, **result})
        print(f"   {page['name']:<24} {result['requests_per_sec']:>8.0f} req/s  p95 {result['p95_ms']:.1f} ms"
              f"  (load average before: {load_before:.1f})", flush=True)
    bare = rows[0]["requests_per_sec"]  # the anonymous bare route
    for row in rows:
        row["ratio_to_bare"] = row["requests_per_sec"] / bare
    return rows


# -- reporting ------------------------------------------------------------------------------------------

def table(rows: list[dict]) -> str:
    lines = ["| page | requests/s | p50 ms | p95 ms | p99 ms | ratio to bare | errors | load before |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for row in rows:
        # wrk leaves requests that time out (2 s) out of the latency figures: count them here.
        errors = row["non200"] + sum(row["errors"].values())
        path = row["path"] + ("&_=…" if row.get("vary") else "")
        lines.append(f"| {row['name']} `{path}` | {row['requests_per_sec']:,.0f} | {row['p50_ms']:.1f} | "
                     f"{row['p95_ms']:.1f} | {row['p99_ms']:.1f} | {row['ratio_to_bare']:.2f} | {errors} | "
                     f"{row['load_before']:.1f} |")
    return "\n".join(lines)


def verdict(results: dict[int, list[dict]]) -> list[str]:
    """The targets, checked for the search page as the issue names it (one URL, repeated) and for a search whose
    URL is new on every request (so that no cached page answers it)."""
    sizes = sorted(results)
    big, small = sizes[-1], sizes[0]
    lines = []
    for name in ("search", "search, each URL new"):
        search = {n: next(row for row in results[n] if row["name"] == name) for n in sizes}
        ratio, p95 = search[big]["ratio_to_bare"], search[big]["p95_ms"]
        lines.append(f"{name} at N={big:,}: {ratio:.2f} × bare throughput (target ≥ {TARGET_RATIO_TO_BARE}) → "
                     f"{'met' if ratio >= TARGET_RATIO_TO_BARE else 'MISSED'}")
        lines.append(f"{name} at N={big:,}: p95 {p95:.1f} ms (target ≤ {TARGET_P95_MS:.0f} ms) → "
                     f"{'met' if p95 <= TARGET_P95_MS else 'MISSED'}")
        if big != small:
            slowdown = 1 - search[big]["requests_per_sec"] / search[small]["requests_per_sec"]
            lines.append(f"{name} at N={big:,} vs N={small:,}: {slowdown:+.0%} slower in requests/s, p95 "
                         f"{search[small]['p95_ms']:.1f} → {p95:.1f} ms (target ≤ {TARGET_MAX_SLOWDOWN:.0%} "
                         f"slower) → {'met' if slowdown <= TARGET_MAX_SLOWDOWN else 'MISSED'}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 100_000], help="numbers of associations")
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per page (default 10)")
    parser.add_argument("--warmup", type=int, default=2, help="seconds of unmeasured wrk before each page (0: none)")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--max-load", type=float, default=1.0,
                        help="wait before each page until the 1-minute load average is below this (default 1.0)")
    parser.add_argument("--wait", type=int, default=0,
                        help="seconds to wait at most for --max-load before measuring anyway (default 0)")
    parser.add_argument("--reuse", action="store_true",
                        help="reuse bench/results/bench-N.sqlite if present (migrated to the current schema)")
    parser.add_argument("--postgres", metavar="URL",
                        help="benchmark PostgreSQL databases bench_N on this server instead of SQLite files, "
                             "e.g. postgresql+psycopg://root@127.0.0.1:5432")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: run `sudo apt-get install -y wrk` (Debian/Ubuntu) and try again.")
    RESULTS.mkdir(exist_ok=True)

    results: dict[int, list[dict]] = {}
    for n in args.sizes:
        meta = seeded(n, args.reuse, args.postgres)
        with Server(database_url(meta), args.workers, RESULTS / f"gunicorn-{n}.log") as server:
            cookie = login(server.base, meta["staff_email"], meta["staff_password"])
            sample = meta["sample_association"]
            pages = [
                {"name": "bare route", "kind": "bare", "path": "/bench/bare", "cookie": None},
                {"name": "bare, logged in", "kind": "bare", "path": "/bench/bare", "cookie": cookie},
                {"name": "dashboard", "kind": "dashboard", "path": "/staff/", "cookie": cookie},
                {"name": "search", "kind": "search", "path": SEARCH_PATH, "cookie": cookie},
                {"name": "search, each URL new", "kind": "search", "path": SEARCH_PATH, "cookie": cookie,
                 "vary": True},
                {"name": "search, broad", "kind": "search", "path": BROAD_SEARCH_PATH, "cookie": cookie},
                {"name": "search, broad, each URL new", "kind": "search", "path": BROAD_SEARCH_PATH,
                 "cookie": cookie, "vary": True},
                {"name": "association page", "kind": "association", "path": f"/staff/associations/{sample['id']}",
                 "cookie": cookie, "expect": sample["name"]},
            ]
            for page in pages:
                page["check"] = check(page, server.base)
                print(f"   ok  {page['path']}: {page['check']}")
            results[n] = measure(pages, server.base, args)

    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    report = [f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s, gunicorn {args.workers} sync workers, "
              f"{os.cpu_count()} CPU cores, warm-up {args.warmup} s per page, "
              f"{'PostgreSQL' if args.postgres else 'SQLite'}", ""]
    for n in args.sizes:
        report += [f"N = {n:,} associations", "", table(results[n]), ""]
    report += verdict(results)
    text = "\n".join(report)
    print("\n" + text)
    out = RESULTS / f"results-{stamp}.json"
    out.write_text(json.dumps({"args": vars(args), "results": {str(n): rows for n, rows in results.items()},
                               "verdict": verdict(results)}, ensure_ascii=False, indent=2))
    (RESULTS / f"results-{stamp}.md").write_text(text + "\n")
    print(f"\nwritten: {out.relative_to(ROOT)} and .md")


if __name__ == "__main__":
    main()
