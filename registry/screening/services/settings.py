"""A municipality's decision settings: what it must fill in before deciding, and changing them."""

from dataclasses import asdict, dataclass
from datetime import date

from flask_babel import lazy_gettext as _
from sqlalchemy.exc import IntegrityError

from registry.audit.services import record_audit
from registry.extensions import db
from registry.municipalities.models import Municipality
from registry.screening.appeals import defaults_for
from registry.screening.models import MunicipalSettings


@dataclass
class SettingsInput:
    """The settings as an administrator submits them."""

    four_eyes: bool
    validity_months: int
    period_start_month: int
    rules_name: str | None
    rules_adopted_on: date | None
    delegation: str | None
    complaint_guidance: dict[str, str]
    democracy_grounds: dict[str, str]


def settings_for(municipality_id: int) -> MunicipalSettings:
    """The municipality's decision settings; until an administrator saves them, the defaults (not stored).

    The defaults carry the country's appeal information; nothing is written until ``save_settings``.
    """
    settings = db.session.get(MunicipalSettings, municipality_id)
    if settings is None:
        country = db.session.get(Municipality, municipality_id).country
        settings = MunicipalSettings(municipality_id=municipality_id, four_eyes=True, validity_months=12,
                                     period_start_month=1, complaint_guidance=defaults_for(country),
                                     democracy_grounds={})
    return settings


def period_start(settings: MunicipalSettings, today: date) -> date:
    """The first day of the application period that ``today`` falls in."""
    month = settings.period_start_month or 1
    return date(today.year if today.month >= month else today.year - 1, month, 1)


def current_period_start(municipality_id: int | None, today: date) -> date:
    """The first day of a municipality's current application period (the calendar year's without one)."""
    return period_start(settings_for(municipality_id) if municipality_id else MunicipalSettings(), today)


def missing_before_decision(settings: MunicipalSettings, country: str, letter_locale: str,
                            adverse: bool) -> list[tuple[str, str]]:
    """(settings field, why) for each setting that must be filled before such a decision can be final."""
    missing = []
    if not (settings.delegation or "").strip():
        missing.append(("delegation", _("The delegation under which staff decide is not filled in.")))
    if country == "SE" and not ((settings.rules_name or "").strip() and settings.rules_adopted_on):
        missing.append(("rules_name", _("The name and adoption date of the municipality's grant rules are not "
                                        "filled in.")))
    if adverse and not (settings.complaint_guidance or {}).get(letter_locale, "").strip():
        missing.append((f"complaint_guidance_{letter_locale}", _(
            "The appeal information in the letter's language is empty.")))
    return missing


def rules_snapshot(settings: MunicipalSettings) -> dict:
    """The rules, delegation and democracy grounds as a decision cites them, frozen with the decision."""
    return {"rules_name": settings.rules_name, "delegation": settings.delegation,
            "rules_adopted_on": settings.rules_adopted_on.isoformat() if settings.rules_adopted_on else None,
            "grounds": {ground: text for ground, text in (settings.democracy_grounds or {}).items() if text}}


def save_settings(actor, settings: MunicipalSettings, data: SettingsInput) -> None:
    """Save and audit the settings; decisions already made keep what they were sent with."""
    before = _audited(settings)
    try:
        _apply(settings, data)
    except IntegrityError:  # another administrator saved the first settings a moment ago: change theirs
        db.session.rollback()
        settings = settings_for(settings.municipality_id)
        before = _audited(settings)
        _apply(settings, data)
    record_audit(actor, "settings.changed", settings, before=before, after=_audited(settings))
    db.session.commit()


def _apply(settings: MunicipalSettings, data: SettingsInput) -> None:
    for name, value in asdict(data).items():
        setattr(settings, name, value)
    db.session.add(settings)  # the first save stores what were the defaults
    db.session.flush()


def _audited(settings: MunicipalSettings) -> dict:
    return {name: getattr(settings, name) for name in SettingsInput.__dataclass_fields__}
