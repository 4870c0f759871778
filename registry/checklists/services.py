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
    """Store shipped versions not yet in the database (a shipped version is never changed)."""
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
    db.session.commit()
    return added


def current_template(key: str, municipality_id: int) -> ChecklistTemplate:
    """The version new cases use: the municipality's newest local version, else the newest shipped one."""
    local = db.session.scalars(select(ChecklistTemplate).where(
        ChecklistTemplate.key == key, ChecklistTemplate.municipality_id == municipality_id)
        .order_by(ChecklistTemplate.version.desc()).limit(1)).first()
    if local is not None:
        return local
    shipped = db.session.scalars(select(ChecklistTemplate).where(
        ChecklistTemplate.key == key, ChecklistTemplate.municipality_id.is_(None))
        .order_by(ChecklistTemplate.version.desc()).limit(1)).first()
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
    item = {"key": item_key, "text": texts, "guidance": guidance, "source": source, "source_url": "",
            "answer_type": "assessment", "blocking": blocking, "local": True}
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
