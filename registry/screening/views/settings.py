"""The municipality's decision settings (administrators)."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from registry.core.authz import require
from registry.screening import bp, policies
from registry.screening.forms import SettingsForm
from registry.screening.services.decisions import settings_for
from registry.screening.services.settings import save_settings


@bp.route("/settings", methods=["GET", "POST"])
@require(policies.is_administrator)
def settings():
    """Four eyes on refusals, decision validity and complaint guidance."""
    current = settings_for(current_user.municipality_id)
    guidance = current.complaint_guidance or {}
    form = SettingsForm(obj=current, complaint_guidance_da=guidance.get("da"),
                        complaint_guidance_sv=guidance.get("sv"), complaint_guidance_en=guidance.get("en"))
    if form.validate_on_submit():
        save_settings(current_user, current, form.four_eyes.data, form.validity_months.data, {
            "da": form.complaint_guidance_da.data or "", "sv": form.complaint_guidance_sv.data or "",
            "en": form.complaint_guidance_en.data or ""})
        flash(_("The settings have been saved."), "success")
        return redirect(url_for("screening.settings"), code=303)
    return render_template("screening/settings.html", form=form)
