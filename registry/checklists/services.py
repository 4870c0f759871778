"""Loading shipped templates and making municipal versions with local items."""

import re
import tomllib
from importlib import resources

from flask_babel import gettext as _
from sqlalchemy import func, select

from registry.audit.services import record_audit
from registry.checklists.models import ChecklistTemplate
from registry.core.forms import FieldValueError
from registry.extensions import db

FILE_NAME = re.compile(r"^(?P<key>[a-z0-9_]+)-(?P<version>\d+)\.toml$")


def shipped_templates() -> list[dict]:
    """Every template data file in registry/checklists/data, parsed."""
    found = []
    for entry in resources.files("registry.checklists").joinpath("data").iterdir():
        if FILE_NAME.match(entry.name):
            data = tomllib.loads(entry.read_text("utf-8"))
            for item in data["items"]:
                item.setdefault("local", False)
            found.append(data)
    return sorted(found, key=lambda data: (data["key"], data["version"]))


def load_templates() -> int:
    """Store shipped versions not yet in the database (a shipped version is never changed).

    A municipality's local version keeps its local items on top of the newest shipped version: when a new
    version is shipped, each local version is carried onto it as a new local version. Cases keep their own.
    """
    added = 0
    for data in shipped_templates():
        exists = db.session.scalar(select(ChecklistTemplate.id).where(
            ChecklistTemplate.key == data["key"], ChecklistTemplate.municipality_id.is_(None),
            ChecklistTemplate.version == data["version"]))
        if exists is None:
            db.session.add(ChecklistTemplate(
                key=data["key"], purpose=data["purpose"], jurisdiction=data["jurisdiction"], municipality_id=None,
                version=data["version"], base_version=data["version"], title=data["title"], items=data["items"]))
            added += 1
    db.session.flush()
    for key in {data["key"] for data in shipped_templates()}:
        _carry_local_versions(key)
    db.session.commit()
    return added


def _newest(key: str, municipality_id: int | None) -> ChecklistTemplate | None:
    owner = ChecklistTemplate.municipality_id.is_(None) if municipality_id is None else \
        ChecklistTemplate.municipality_id == municipality_id
    return db.session.scalars(select(ChecklistTemplate).where(ChecklistTemplate.key == key, owner)
                              .order_by(ChecklistTemplate.version.desc()).limit(1)).first()


def _carry_local_versions(key: str) -> None:
    """Give every municipality whose local version rests on an older shipped version a new one on the newest."""
    shipped = _newest(key, None)
    municipalities = db.session.scalars(select(ChecklistTemplate.municipality_id).where(
        ChecklistTemplate.key == key, ChecklistTemplate.municipality_id.is_not(None)).distinct())
    for municipality_id in list(municipalities):
        local = _newest(key, municipality_id)
        if local.base_version >= shipped.version:
            continue
        carried = ChecklistTemplate(
            key=key, purpose=shipped.purpose, jurisdiction=shipped.jurisdiction, municipality_id=municipality_id,
            version=local.version + 1, base_version=shipped.version, title=shipped.title,
            items=[*shipped.items, *(item for item in local.items if item.get("local"))])
        db.session.add(carried)
        db.session.flush()
        record_audit(None, "checklist.local_version_carried", carried,
                     after={"version": carried.label, "template": key})


def current_template(key: str, municipality_id: int) -> ChecklistTemplate:
    """The version new cases use: the municipality's newest local version, else the newest shipped one."""
    local = _newest(key, municipality_id)
    if local is not None:
        return local
    shipped = _newest(key, None)
    if shipped is None:
        raise LookupError(f"no checklist template {key!r}; run `flask checklists load`")
    return shipped


def add_local_item(actor, key: str, texts: dict[str, str], guidance: dict[str, str], blocking: bool,
                   source: str) -> ChecklistTemplate:
    """Make a new version for the actor's municipality: the current items plus one local item."""
    current = current_template(key, actor.municipality_id)
    item_key = f"local_{_slug(texts.get('en') or texts.get('da') or texts.get('sv'))}"
    if current.item(item_key) is not None:
        raise FieldValueError("text_en", _("An item with this wording already exists."))
    local_versions = db.session.scalar(select(func.max(ChecklistTemplate.version)).where(
        ChecklistTemplate.key == key, ChecklistTemplate.municipality_id == actor.municipality_id)) or 0
    item = {"key": item_key, "text": texts, "guidance": guidance, "source": source, "source_url": "", "local": True}
    if current.purpose == "eligibility":
        # A local item is the municipality's own rule: binding when it blocks, and cited in letters as given.
        item.update({"criterion": "binding"} if blocking else {"criterion": "discretionary", "blocking": False})
        item.update(letter_source=source or None, municipal_rules=True)
    else:
        item.update(answer_type="assessment", blocking=blocking)
    template = ChecklistTemplate(
        key=key, purpose=current.purpose, jurisdiction=current.jurisdiction, municipality_id=actor.municipality_id,
        version=local_versions + 1, base_version=current.base_version, title=current.title,
        items=[*current.items, item], created_by_id=actor.id)
    db.session.add(template)
    db.session.flush()
    record_audit(actor, "checklist.local_item_added", template, after={"item": item_key, "version": template.label})
    db.session.commit()
    return template


def _slug(text: str | None) -> str:
    words = re.findall(r"[a-z0-9]+", (text or "item").lower())
    return "_".join(words[:6])[:50] or "item"
