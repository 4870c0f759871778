"""Where does a staff page spend its time? In-process profile of the benchmarked pages.

    .venv/bin/python bench/pageprofile.py --db bench/results/bench-100000.sqlite \\
        [--page search] [--explain] [--cprofile]
    .venv/bin/python bench/pageprofile.py --meta bench/results/bench-pg-100000.json   # a PostgreSQL register

Serves each page through Flask's test client (production config, logged in as the Aarhus officer) and
reports per page: wall and CPU time per request; the CPU time spent in each service the views call
(PHASES below: the rest is Flask, the session, the login and the form); the SQL statements with their
time, and with --explain the plan of each (PostgreSQL's with actual times); with --cprofile the top functions.
CPU time is reported beside wall time, so the numbers stay useful on a busy machine.
"""

import argparse
import cProfile
import importlib
import json
import os
import pstats
import re
import secrets
import sys
import time
from collections import defaultdict
from functools import wraps
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Functions the staff views call, timed separately (module, attribute). Views look them up at call time.
PHASES = [
    ("registry.staff.views", "render_template"),
    ("registry.staff.views", "search_associations"),
    ("registry.staff.services", "status_counts"),
    ("registry.staff.services", "newest_submissions"),
    ("registry.staff.services", "partner_statuses"),
    ("registry.qualification.services", "cases_due_for_renewal"),
    ("registry.qualification.services", "cases_of"),
    ("registry.audit.history", "history_for_association"),
    ("registry.staff.views", "history_for_association"),
    ("registry.staff.views", "documents_of"),
    ("registry.staff.views", "current_declarations"),
]


def _wrap_phases(spent: dict) -> None:
    for module_name, attribute in PHASES:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        function = getattr(module, attribute, None)
        if function is None or getattr(function, "_timed", False):
            continue

        def timed(*args, _function=function, _name=attribute, **kwargs):
            started = time.process_time()
            try:
                return _function(*args, **kwargs)
            finally:
                spent[_name] += time.process_time() - started

        timed = wraps(function)(timed)
        timed._timed = True
        setattr(module, attribute, timed)


def _print_plan(engine, statement: str, parameters) -> None:
    """SQLite's EXPLAIN QUERY PLAN, or PostgreSQL's EXPLAIN ANALYZE, of one statement as it ran."""
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all():
                print(f"             {'  ' * (row[1] > 0)}{row[3]}")
            return
        for (line,) in conn.exec_driver_sql("EXPLAIN (ANALYZE, BUFFERS) " + statement, parameters).all():
            print(f"             {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--db", type=Path, help="a seeded SQLite file (its metadata beside it, .json)")
    where.add_argument("--meta", type=Path, help="the metadata file of any seeded register, e.g. bench-pg-N.json")
    parser.add_argument("--page", action="append", help="bare, dashboard, search, association (default: all)")
    parser.add_argument("--search", default="/staff/search?q=fodbold&target_group=youth")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--explain", action="store_true", help="print EXPLAIN QUERY PLAN of every statement")
    parser.add_argument("--cprofile", action="store_true", help="print the top functions by cumulative time")
    parser.add_argument("--vary", action="store_true",
                        help="add a new, ignored parameter to every URL, so that no cached search page answers")
    args = parser.parse_args()
    meta = json.loads((args.meta or args.db.resolve().with_suffix(".json")).read_text())
    sys.path.insert(0, str(ROOT / "bench"))
    from run import database_url

    os.environ.update(REGISTRY_ENV="production", SECRET_KEY=secrets.token_hex(32), DATABASE_URL=database_url(meta))
    from app import app  # bench/app.py: the app plus /bench/bare
    from sqlalchemy import event

    from registry.extensions import db

    statements: dict[str, list] = defaultdict(list)
    spent: dict[str, float] = defaultdict(float)
    recording = {"on": False}
    _wrap_phases(spent)

    with app.app_context():
        engine = db.engine

    @event.listens_for(engine, "before_cursor_execute")
    def before(conn, cursor, statement, parameters, context, executemany):
        conn.info["t0"] = time.perf_counter()

    @event.listens_for(engine, "after_cursor_execute")
    def after(conn, cursor, statement, parameters, context, executemany):
        if recording["on"]:
            statements[statement].append((time.perf_counter() - conn.info["t0"], parameters))

    client = app.test_client()
    page = client.get("/account/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
    answer = client.post("/account/login", data={"csrf_token": token, "email": meta["staff_email"],
                                                  "password": meta["staff_password"]})
    assert answer.status_code == 303, answer.status_code
    pages = {"bare": "/bench/bare", "dashboard": "/staff/", "search": args.search,
             "association": f"/staff/associations/{meta['sample_association']['id']}"}
    for name in args.page or list(pages):
        path = pages[name]
        for _ in range(3):  # warm caches and compile templates
            assert client.get(path).status_code == 200
        statements.clear()
        spent.clear()
        recording["on"] = True
        profiler = cProfile.Profile() if args.cprofile else None
        wall, cpu = time.perf_counter(), time.process_time()
        if profiler:
            profiler.enable()
        for number in range(args.repeat):
            response = client.get(f"{path}{'&' if '?' in path else '?'}_={number}" if args.vary else path)
            assert response.status_code == 200, response.status_code
        if profiler:
            profiler.disable()
        wall, cpu = (time.perf_counter() - wall) / args.repeat, (time.process_time() - cpu) / args.repeat
        recording["on"] = False
        sql_total = sum(t for runs in statements.values() for t, _ in runs) / args.repeat
        count = sum(len(runs) for runs in statements.values()) // args.repeat
        print(f"\n=== {name} {path}: {wall * 1000:.1f} ms wall, {cpu * 1000:.1f} ms CPU per request "
              f"({sql_total * 1000:.1f} ms wall in {count} SQL statements)")
        phases = {key: value / args.repeat for key, value in spent.items() if value}
        for phase, seconds in sorted(phases.items(), key=lambda item: -item[1]):
            print(f"  {seconds * 1000:7.2f} ms CPU  {phase}()")
        rest = cpu - sum(phases.values())
        print(f"  {rest * 1000:7.2f} ms CPU  the rest: Flask, session and login, form, view")
        for statement, runs in sorted(statements.items(), key=lambda item: -sum(t for t, _ in item[1])):
            per_request = sum(t for t, _ in runs) / args.repeat
            print(f"  {per_request * 1000:7.2f} ms  ×{len(runs) / args.repeat:g}  {' '.join(statement.split())[:300]}")
            if args.explain:
                _print_plan(engine, statement, runs[0][1])
        if profiler:
            stats = pstats.Stats(profiler).sort_stats(os.environ.get("SORT", "cumulative"))
            stats.print_stats(int(os.environ.get("TOP", 25)))


if __name__ == "__main__":
    main()
