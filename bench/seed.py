"""Seed a benchmark database with N associations, fast, through bulk inserts.

    .venv/bin/python bench/seed.py --n 100000 --db bench/results/bench-100000.sqlite
    .venv/bin/python bench/seed.py --n 100000 --url postgresql+psycopg://root@127.0.0.1:5432/bench_100000

The schema comes from the migrations (the same code as `flask db upgrade`), the municipalities and
checklist templates from the app's own loaders. The associations, their selections, board members,
documents, declarations, audit events, qualification cases and search documents are then written
with SQLAlchemy Core `insert()` and lists of dicts (executemany) in batches, because the ORM
services take seconds per hundred. The search text is made by registry.search.services.document_text
itself, called on lightweight stand-ins, so that the FTS index holds what the app would index.

The search index's triggers are off while loading and the index is built in one pass afterwards: on SQLite
with sqlite_index.rebuild(); on PostgreSQL (the database in --url is dropped and created again) with one
UPDATE that computes every tsvector with the app's own expression and every scope and facets with the index's
own functions. PostgreSQL's sequences are then moved past the ids written and the tables compacted and analysed.

Prints one line of JSON at the end: the staff login and a sample association for the benchmark.
"""

import argparse
import hashlib
import json
import random
import secrets
import sys
import time
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import pools  # noqa: E402  (bench/pools.py)

BATCH = 5_000
#: The password of the benchmark's staff accounts (the database is throw-away).
STAFF_PASSWORD = "Bench-partnerregister-2026"
STAFF = [
    ("officer@aarhus.bench", "Mette Kjær", "officer", "DK", "751"),
    ("admin@aarhus.bench", "Lars Østergaard", "administrator", "DK", "751"),
    ("handlaggare@goteborg.bench", "Sara Lindqvist", "officer", "SE", "1480"),
]
# Share of all associations per home municipality; the rest is spread over the other municipalities.
HOME_SHARES = {("DK", "751"): 0.12, ("SE", "1480"): 0.12, ("DK", "101"): 0.08, ("SE", "0180"): 0.07,
               ("SE", "1280"): 0.04, ("DK", "461"): 0.03, ("DK", "851"): 0.03, ("SE", "0380"): 0.02}
REST_DK = 0.22  # the remaining 0.27 goes to the other Swedish municipalities
NEIGHBOURS = {("DK", "751"): ["710", "727", "740", "746", "706", "730"],
              ("SE", "1480"): ["1401", "1402", "1481", "1482", "1384", "1489"]}
CASE_EVERY = 5          # one qualification case per 5 associations
CONCLUDED_SHARE = 0.4   # of the cases
DRAFT_SHARE = 0.02      # nearly everything is handed in
COMPLETE_SHARE = 0.6    # statutes, minutes and accounts all handed in
MINIMAL_PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]"
               b"/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
               b"trailer<</Root 1 0 R>>\n%%EOF\n")
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def _genitive(place: str) -> str:
    return place if place[-1] in "sxz" else place + "s"


class StandIn(SimpleNamespace):
    """Just enough of an Association for document_text()."""

    def selected(self, kind: str) -> list[str]:
        # In key order, as the selections come back from the database (primary-key order).
        return sorted(self._selected.get(kind, []))


class Generator:
    """Builds the rows of one association at a time, deterministically from a seed."""

    def __init__(self, rng: random.Random, municipalities: dict, keys: dict):
        self.rng = rng
        self.municipalities = municipalities  # (country, code) → (id, name)
        self.by_id = {mid: (country, code, name) for (country, code), (mid, name) in municipalities.items()}
        self.keys = keys
        self.others = {country: [key for key in municipalities if key[0] == country and key not in HOME_SHARES]
                       for country in ("DK", "SE")}
        self.homes = list(HOME_SHARES) + ["DK*", "SE*"]
        self.weights = list(HOME_SHARES.values()) + [REST_DK, 1 - sum(HOME_SHARES.values()) - REST_DK]
        self.used_names: set[str] = set()

    def home(self) -> tuple[str, str]:
        choice = self.rng.choices(self.homes, self.weights)[0]
        if choice in ("DK*", "SE*"):
            return self.rng.choice(self.others[choice[:2]])
        return choice

    def places(self, key: tuple[str, str]) -> list[str]:
        if key in pools.PLACES:
            return pools.PLACES[key]
        name = self.municipalities[key][1]
        return [pattern.format(m=name) for pattern in pools.GENERIC_PLACES[key[0]]]

    def name(self, country: str, place: str) -> tuple[str, str]:
        for attempt in range(20):
            pattern, theme = self.rng.choice(pools.NAMES[country])
            name = pattern.format(p=place, ps=_genitive(place))
            if attempt >= 3:
                name = f"{name} {'av' if country == 'SE' else 'af'} {1950 + self.rng.randrange(75)}"
            if name not in self.used_names:
                break
        else:
            name = f"{name} {len(self.used_names)}"
        self.used_names.add(name)
        return name, theme

    def text(self, country: str, theme: str, place: str, groups: list[str]) -> tuple[str, str]:
        rng = self.rng
        words = pools.THEME_WORDS[country][theme]
        group = pools.GROUP_WORDS[country][groups[0]] if groups else pools.GROUP_WORDS[country]["adults"]
        purpose = rng.choice(pools.PURPOSES[country]).format(g=group, p=place, w=rng.choice(words))
        fill = {"w": rng.choice(words), "d": rng.choice(pools.DAYS[country]), "wd": rng.choice(pools.WEEKDAYS[country]),
                "v": rng.choice(pools.VENUES[country])}
        sentences = rng.sample(pools.ACTIVITIES[country], rng.randint(2, 4))
        activities = " ".join(sentence.format(**fill) for sentence in sentences)
        return purpose, activities

    def person(self, country: str) -> str:
        return f"{self.rng.choice(pools.FIRST_NAMES[country])} {self.rng.choice(pools.LAST_NAMES[country])}"

    def registration_number(self, country: str) -> str | None:
        if self.rng.random() < 0.15:
            return None
        if country == "DK":
            return f"{self.rng.randrange(10_000_000, 99_999_999)}"
        return f"80{self.rng.randrange(1000, 9999)}-{self.rng.randrange(1000, 9999)}"

    def moment(self, after: datetime, days: int) -> datetime:
        return (after + timedelta(seconds=self.rng.randrange(max(days, 1) * 86400))).replace(microsecond=0)


def _choose_keys(rng: random.Random, keys: list[str], low: int, high: int, likely: list[str] = ()) -> list[str]:
    chosen = [key for key in likely if rng.random() < 0.8]
    for key in rng.sample(keys, rng.randint(low, high)):
        if key not in chosen:
            chosen.append(key)
    return chosen[:max(high, len(likely))]


def build(generator: Generator, association_id: int) -> dict:
    """Every row belonging to one association."""
    rng = generator.rng
    home = generator.home()
    country = home[0]
    home_id, home_name = generator.municipalities[home]
    places = generator.places(home)
    place = rng.choice(places)
    name, theme = generator.name(country, place)
    groups = _choose_keys(rng, generator.keys["target_group"], 0, 2, pools.THEME_GROUPS[theme])
    purpose, activities = generator.text(country, theme, place, groups)
    local_areas = "\n".join(dict.fromkeys([place, *rng.sample(places, rng.randint(0, 2))]))
    roles = _choose_keys(rng, [k for k in generator.keys["role"] if k != "other"], 1, 3)
    motivations = _choose_keys(rng, [k for k in generator.keys["motivation"] if k != "other"], 1, 3)
    collaboration = _choose_keys(rng, [k for k in generator.keys["collaboration"]
                                       if k != "iop" or country == "SE"], 1, 2)
    active = []
    if home in NEIGHBOURS and rng.random() < 0.1:
        active = rng.sample(NEIGHBOURS[home], rng.randint(1, 2))
    elif country == "DK" and home[1] in NEIGHBOURS[("DK", "751")] and rng.random() < 0.4:
        active = ["751"]
    elif country == "SE" and home[1] in NEIGHBOURS[("SE", "1480")] and rng.random() < 0.4:
        active = ["1480"]
    elif rng.random() < 0.05:
        active = [rng.choice(generator.others[country])[1]]
    active_ids = sorted({generator.municipalities[(country, code)][0] for code in active} - {home_id})

    created = generator.moment(datetime(2025, 1, 1, tzinfo=UTC), 640)
    draft = rng.random() < DRAFT_SHARE
    submitted = None if draft else generator.moment(created, 20)
    updated = submitted or created
    if not draft and rng.random() < 0.3:
        updated = min(generator.moment(submitted, 120), NOW)
    complete = not draft and rng.random() < COMPLETE_SHARE
    members = rng.randint(8, 600)
    public = not draft and rng.random() < 0.5
    association = {
        "id": association_id, "name": name, "country": country,
        "registration_number": None, "no_registration_number": False,
        "home_municipality_id": home_id,
        "address": f"{rng.choice(pools.STREETS[country])} {rng.randint(1, 120)}",
        "postcode": (f"{rng.randint(1000, 9990)}" if country == "DK"
                     else f"{rng.randint(100, 984)} {rng.randint(10, 99)}"),
        "city": place if rng.random() < 0.5 else home_name,
        "website": f"https://forening{association_id}.example" if rng.random() < 0.4 else None,
        "email": f"kontakt{association_id}@forening.example", "phone": f"+{45 if country == 'DK' else 46} "
                                                                         f"{rng.randrange(10**7, 10**8)}",
        "purpose": purpose, "activities": activities,
        "target_groups_other": rng.choice(pools.OTHER_GROUPS[country]) if rng.random() < 0.1 else None,
        "local_areas": local_areas,
        "languages": ",".join(dict.fromkeys([pools.LANGUAGE_MIX[country][0],
                                             *rng.sample(pools.LANGUAGE_MIX[country][1:], rng.randint(0, 3))])),
        "member_count": members, "paying_member_count": int(members * rng.uniform(0.5, 1)),
        "volunteer_count": rng.randint(2, 60), "founded_year": rng.randint(1920, 2025),
        "assembly_elects_board": True, "open_to_all": rng.random() < 0.97, "non_commercial": True,
        "roles_description": rng.choice(pools.ROLE_NOTES[country]) if rng.random() < 0.3 else None,
        "motivations_other": None, "collaboration_note": None, "documents_complete": complete,
        "public_profile": public, "public_profile_changed_at": submitted if public else None,
        "status": "draft" if draft else "submitted", "submitted_at": submitted,
        "created_at": created, "updated_at": updated,
    }
    number = generator.registration_number(country)
    association["registration_number"] = number
    association["no_registration_number"] = number is None

    selections = [{"association_id": association_id, "kind": kind, "key": key}
                  for kind, chosen in (("role", roles), ("motivation", motivations),
                                       ("collaboration", collaboration), ("target_group", groups))
                  for key in chosen]
    board_roles = ["chair", "treasurer", "secretary", "member", "member", "vice_chair", "alternate"]
    elected = date(2025 + (created.year > 2025), rng.randint(1, 6), rng.randint(1, 28))
    board = [{"association_id": association_id, "position": position, "name": generator.person(country),
              "role": role, "elected_on": elected}
             for position, role in enumerate(board_roles[:rng.randint(3, 7)])]
    stand_in = StandIn(name=name, country=country, purpose=purpose, activities=activities,
                        target_groups_other=association["target_groups_other"], local_areas=local_areas,
                        roles_description=association["roles_description"],
                        home_municipality=SimpleNamespace(name=home_name),
                        active_municipalities=sorted((SimpleNamespace(name=generator.by_id[mid][2])
                                                      for mid in active_ids), key=lambda m: m.name),
                        _selected={"role": roles, "motivation": motivations, "collaboration": collaboration,
                                   "target_group": groups})
    return {"association": association, "selections": selections, "board": board, "active": active_ids,
            "stand_in": stand_in, "draft": draft, "complete": complete, "chair": board[0]["name"]}


def _digest(prev: str, event: dict) -> str:
    from registry.audit.services import _digest as app_digest

    return app_digest(prev, SimpleNamespace(**event))


class Audit:
    """Appends audit events with a valid hash chain (as record_audit would have written them)."""

    def __init__(self):
        from registry.audit.services import GENESIS

        self.last = GENESIS
        self.next_id = 1
        self.rows: list[dict] = []

    def add(self, at: datetime, actor_id, action: str, object_type: str, object_id: int, association_id: int,
            after: dict | None = None) -> None:
        event = {"occurred_at": at.replace(microsecond=0), "actor_id": actor_id, "action": action,
                 "object_type": object_type, "object_id": object_id, "association_id": association_id,
                 "before": None, "after": after}
        event["hash"] = _digest(self.last, event)
        event["prev_hash"], event["id"] = self.last, self.next_id
        self.rows.append(event)
        self.last = event["hash"]
        self.next_id += 1


def sqlite_url(db_path: Path) -> str:
    """A fresh SQLite file's URL (any older file and its journals removed)."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{db_path}"


def recreate_postgres_database(url: str) -> str:
    """Drop and create the PostgreSQL database named in url, through the server's maintenance database."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    target = make_url(url)
    name = target.database
    if not name or not name.replace("_", "").isalnum():
        raise SystemExit(f"give the benchmark database a plain name, not {name!r}")
    engine = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    engine.dispose()
    return url


def _bulk_mode(engine, dialect: str) -> None:
    """No per-row index trigger while loading (the index is built in one pass afterwards); on SQLite no fsync."""
    from registry.search import postgres_index, sqlite_index

    with engine.begin() as conn:
        if dialect == "sqlite":
            conn.exec_driver_sql("PRAGMA synchronous=OFF")
            for name in sqlite_index.TRIGGERS:
                conn.exec_driver_sql(f"DROP TRIGGER {name}")
        else:
            for name, (table, _) in postgres_index.TRIGGERS.items():
                conn.exec_driver_sql(f"ALTER TABLE {table} DISABLE TRIGGER {name}")


def _finish_sqlite(engine) -> None:
    """Fill the per-municipality index in one pass and recreate its triggers exactly as the migration made them."""
    from sqlalchemy import text

    from registry.search import sqlite_index

    with engine.begin() as conn:
        sqlite_index.rebuild(conn)
        for name, (_, body) in sqlite_index.TRIGGERS.items():
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
            conn.exec_driver_sql(f"CREATE TRIGGER {name} {body}")
        conn.exec_driver_sql("INSERT INTO search_fts(search_fts, rank) VALUES('integrity-check', 1)")
    with engine.connect() as conn:
        triggers = {row[0] for row in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='trigger'")}
        assert set(sqlite_index.TRIGGERS) <= triggers, triggers
        indexed, handed_in = conn.execute(text(
            "SELECT (SELECT count(DISTINCT association_id) FROM search_entries), "
            "(SELECT count(*) FROM associations WHERE status != 'draft')")).one()
        assert indexed == handed_in, (indexed, handed_in)


def _finish_postgres(engine, tables: dict) -> None:
    """Compute every tsvector with the app's expression and every scope and facets with the index's own
    functions, turn the triggers back on, move the sequences past the ids written, compact and analyse."""
    from sqlalchemy import func, select, text, update

    from registry.search import postgres_index
    from registry.search.models import SearchDocument
    from registry.search.services import _pg_vector

    documents = SearchDocument.__table__
    with engine.begin() as conn:
        conn.execute(update(documents).values(
            vector=_pg_vector(documents.c.language, documents.c.name_text, documents.c.body_text),
            scope=func.search_scope(documents.c.association_id), facets=func.search_facets(documents.c.association_id)))
        for name, (table, _) in postgres_index.TRIGGERS.items():
            conn.exec_driver_sql(f"ALTER TABLE {table} ENABLE TRIGGER {name}")
        for table in tables.values():
            if "id" in table.c and table.c.id.primary_key and table.c.id.autoincrement:
                highest = conn.scalar(select(func.max(table.c.id))) or 0
                conn.execute(text("SELECT setval(pg_get_serial_sequence(:table, 'id'), :value, :called)"),
                             {"table": table.name, "value": max(highest, 1), "called": highest > 0})
        indexed, handed_in = conn.execute(text(
            "SELECT (SELECT count(*) FROM search_documents WHERE cardinality(scope) > 0 AND vector IS NOT NULL), "
            "(SELECT count(*) FROM associations WHERE status != 'draft')")).one()
        assert indexed == handed_in, (indexed, handed_in)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM FULL search_documents")  # the UPDATE left a dead copy of every row
        conn.exec_driver_sql("VACUUM ANALYZE")


def seed(url: str, n: int, rng_seed: int = 20261121) -> dict:
    """Write the register into the empty database at url; returns what the benchmark needs to know of it."""
    from flask_migrate import upgrade
    from sqlalchemy import insert, select, text

    import registry.search.services as search_services
    from config import DevelopmentConfig
    from registry import create_app
    from registry.accounts.models import User
    from registry.accounts.passwords import hash_password
    from registry.associations.choices import COLLABORATION_FORMS, MOTIVATIONS, ROLES, TARGET_GROUPS
    from registry.associations.declarations import required_for
    from registry.associations.models import (
        Association,
        AssociationSelection,
        BoardMember,
        Declaration,
        Document,
        association_municipalities,
    )
    from registry.audit.models import AuditEvent
    from registry.checklists.models import ChecklistTemplate
    from registry.checklists.services import load_templates
    from registry.extensions import db
    from registry.municipalities.models import Municipality
    from registry.municipalities.services import load_municipalities
    from registry.qualification.models import QualificationCase
    from registry.search.models import SearchDocument
    from registry.staff.models import PartnerStatus

    timings = {}
    started = time.perf_counter()
    app = create_app(DevelopmentConfig, DEBUG=False, SECRET_KEY=secrets.token_hex(16),
                     SQLALCHEMY_DATABASE_URI=url)
    with app.app_context():
        upgrade()  # what `flask db upgrade` runs
        load_municipalities()
        load_templates()
        timings["schema"] = time.perf_counter() - started

        municipalities = {(m.country, m.code): (m.id, m.name) for m in db.session.scalars(select(Municipality))}
        template_id = db.session.scalar(select(ChecklistTemplate.id).where(
            ChecklistTemplate.key == "qualification", ChecklistTemplate.municipality_id.is_(None))
            .order_by(ChecklistTemplate.version.desc()))
        password_hash = hash_password(STAFF_PASSWORD)
        staff_ids: dict[int, int] = {}
        for email, name, role, country, code in STAFF:
            user = User(email=email, display_name=name, password_hash=password_hash, role=role,
                        municipality_id=municipalities[(country, code)][0], locale="da" if country == "DK" else "sv",
                        email_verified_at=NOW)
            db.session.add(user)
            db.session.flush()
            staff_ids.setdefault(user.municipality_id, user.id)
        db.session.commit()

        # The label lookups of document_text depend only on the chosen keys: cache them for the bulk run.
        original_labels = search_services._labels_in_all_languages
        cached = lru_cache(maxsize=None)(lambda choices, keys: original_labels(choices, list(keys)))
        search_services._labels_in_all_languages = lambda choices, keys: list(cached(choices, tuple(keys)))

        keys = {"role": ROLES.keys, "motivation": MOTIVATIONS.keys, "collaboration": COLLABORATION_FORMS.keys,
                "target_group": TARGET_GROUPS.keys}
        generator = Generator(random.Random(rng_seed), municipalities, keys)
        rng = generator.rng
        audit = Audit()
        declarations = {(country, text.kind): text for country in ("DK", "SE") for text in required_for(country)}
        pdf_sha = hashlib.sha256(MINIMAL_PDF).hexdigest()
        tables = {"associations": Association.__table__, "association_selections": AssociationSelection.__table__,
                  "board_members": BoardMember.__table__, "association_municipalities": association_municipalities,
                  "documents": Document.__table__, "declarations": Declaration.__table__,
                  "search_documents": SearchDocument.__table__, "audit_events": AuditEvent.__table__,
                  "qualification_cases": QualificationCase.__table__, "partner_statuses": PartnerStatus.__table__}
        counts = {name: 0 for name in tables}
        sample = None
        case_id = 0
        today = NOW.date()

        engine = db.engine
        dialect = engine.dialect.name
        _bulk_mode(engine, dialect)
        build_time = insert_time = 0.0
        for start in range(1, n + 1, BATCH):
            t0 = time.perf_counter()
            rows = {name: [] for name in tables}
            for association_id in range(start, min(start + BATCH, n + 1)):
                built = build(generator, association_id)
                a = built["association"]
                rows["associations"].append(a)
                rows["association_selections"].extend(built["selections"])
                rows["board_members"].extend(built["board"])
                rows["association_municipalities"].extend(
                    {"association_id": association_id, "municipality_id": mid} for mid in built["active"])
                name, body = search_services.document_text(built["stand_in"])
                rows["search_documents"].append({
                    "association_id": association_id, "language": search_services.LANGUAGES.get(a["country"], "simple"),
                    "name_text": name, "body_text": body, "vector": None})
                audit.add(a["created_at"], None, "association.created", "associations", association_id,
                          association_id, {"name": a["name"], "country": a["country"]})
                if built["complete"]:
                    for kind in ("statutes", "minutes", "accounts"):
                        counts["documents"] += 1
                        rows["documents"].append({
                            "id": counts["documents"], "association_id": association_id, "kind": kind,
                            "filename": f"{kind}.pdf", "content_type": "application/pdf", "size": len(MINIMAL_PDF),
                            "sha256": pdf_sha, "data": MINIMAL_PDF, "uploaded_by_id": None,
                            "uploaded_at": a["submitted_at"] - timedelta(hours=1)})
                if not built["draft"]:
                    locale = "da" if a["country"] == "DK" else "sv"
                    for (country, kind), declaration in declarations.items():
                        if country == a["country"]:
                            rows["declarations"].append({
                                "association_id": association_id, "kind": kind, "text_version": declaration.version,
                                "locale": locale, "text": declaration.text(country, locale),
                                "signer_name": built["chair"],
                                "signer_role": "Formand" if locale == "da" else "Ordförande",
                                "given_by_id": None, "given_at": a["submitted_at"] - timedelta(minutes=30)})
                    audit.add(a["submitted_at"], None, "association.submitted", "associations", association_id,
                              association_id, {"status": "submitted"})
                    if association_id % CASE_EVERY == 0:
                        case_id += 1
                        municipality_id = a["home_municipality_id"]
                        officer = staff_ids.get(municipality_id)
                        opened = generator.moment(a["submitted_at"], 30)
                        concluded = rng.random() < CONCLUDED_SHARE
                        case = {"id": case_id, "association_id": association_id, "municipality_id": municipality_id,
                                "template_id": template_id, "status": "open", "recommendation": None,
                                "summary": None, "opened_by_id": officer, "opened_at": opened,
                                "concluded_by_id": None, "concluded_at": None, "review_due_on": None,
                                "superseded_by_id": None, "lock_version": 1}
                        status = "in_qualification"
                        audit.add(opened, officer, "qualification.opened", "qualification_cases", case_id,
                                  association_id, {"template": "v1"})
                        if concluded:
                            recommendation = rng.choices(
                                ["recommended", "recommended_with_conditions", "not_recommended"], [70, 15, 15])[0]
                            case.update(status="concluded", recommendation=recommendation, concluded_by_id=officer,
                                        concluded_at=generator.moment(opened, 20), lock_version=3,
                                        summary="Foreningen lever op til kriterierne." if a["country"] == "DK"
                                        else "Föreningen uppfyller kriterierna.",
                                        review_due_on=today + timedelta(days=rng.randint(-30, 365)))
                            status = "not_qualified" if recommendation == "not_recommended" else "qualified"
                            audit.add(case["concluded_at"], officer, "qualification.concluded", "qualification_cases",
                                      case_id, association_id, {"recommendation": recommendation})
                        rows["qualification_cases"].append(case)
                        rows["partner_statuses"].append({
                            "association_id": association_id, "municipality_id": municipality_id, "status": status,
                            "updated_at": case["concluded_at"] or opened})
                        if (sample is None and municipality_id == municipalities[("DK", "751")][0]
                                and built["complete"] and concluded):
                            sample = {"id": association_id, "name": a["name"]}
            rows["audit_events"], audit.rows = audit.rows, []
            t1 = time.perf_counter()
            with engine.begin() as conn:
                if dialect == "sqlite":
                    conn.exec_driver_sql("PRAGMA synchronous=OFF")
                for name, table in tables.items():
                    if rows[name]:
                        conn.execute(insert(table), rows[name])
                        if name != "documents":
                            counts[name] += len(rows[name])
            t2 = time.perf_counter()
            build_time += t1 - t0
            insert_time += t2 - t1
            print(f"  {min(start + BATCH - 1, n):>7} / {n} associations", file=sys.stderr, flush=True)
        timings["build rows"], timings["insert"] = build_time, insert_time
        search_services._labels_in_all_languages = original_labels

        t0 = time.perf_counter()
        if dialect == "sqlite":
            _finish_sqlite(engine)
        else:
            _finish_postgres(engine, tables)
        timings["search index"] = time.perf_counter() - t0
        if sample is None:  # tiny N: any submitted Aarhus association will do
            sample_row = db.session.execute(select(Association.id, Association.name).where(
                Association.home_municipality_id == municipalities[("DK", "751")][0],
                Association.status == "submitted").limit(1)).first()
            sample = {"id": sample_row.id, "name": sample_row.name}
        aarhus = db.session.scalar(text(
            "SELECT count(*) FROM associations WHERE home_municipality_id = :m"),
            {"m": municipalities[("DK", "751")][0]})
        goteborg = db.session.scalar(text(
            "SELECT count(*) FROM associations WHERE home_municipality_id = :m"),
            {"m": municipalities[("SE", "1480")][0]})
    timings["total"] = time.perf_counter() - started
    return {"n": n, "db": url, "staff_email": STAFF[0][0], "staff_password": STAFF_PASSWORD,
            "sample_association": sample, "rows": counts, "aarhus_home": aarhus, "goteborg_home": goteborg,
            "seconds": {key: round(value, 1) for key, value in timings.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="number of associations (default 100 000)")
    parser.add_argument("--db", type=Path, help="SQLite file to (re)create (default bench/results/bench-N.sqlite)")
    parser.add_argument("--url", help="a PostgreSQL database to drop and create instead, "
                                      "e.g. postgresql+psycopg://root@127.0.0.1:5432/bench_100000")
    parser.add_argument("--seed", type=int, default=20261121, help="random seed")
    args = parser.parse_args()
    if args.url:
        url = recreate_postgres_database(args.url)
    else:
        url = sqlite_url((args.db or ROOT / "bench" / "results" / f"bench-{args.n}.sqlite").resolve())
    print(json.dumps(seed(url, args.n, args.seed), ensure_ascii=False))


if __name__ == "__main__":
    main()
