"""Changing a municipality's decision settings."""

from registry.audit.services import record_audit
from registry.extensions import db
from registry.screening.models import MunicipalSettings


def save_settings(actor, settings: MunicipalSettings, four_eyes: bool, validity_months: int,
                  complaint_guidance: dict[str, str]) -> None:
    """Save and audit the settings; decisions already made keep the guidance they were sent with."""
    before = {"four_eyes": settings.four_eyes, "validity_months": settings.validity_months,
              "complaint_guidance": settings.complaint_guidance}
    settings.four_eyes, settings.validity_months = bool(four_eyes), validity_months
    settings.complaint_guidance = complaint_guidance
    record_audit(actor, "settings.changed", settings, before=before, after={
        "four_eyes": settings.four_eyes, "validity_months": validity_months, "complaint_guidance": complaint_guidance})
    db.session.commit()
