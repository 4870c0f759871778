"""The municipality's decision settings (administrators)."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from registry.core.authz import require
from registry.screening import bp, policies
from registry.screening.criteria import MUNICIPAL_GROUNDS
from registry.screening.forms import SettingsForm
from registry.screening.services.settings import SettingsInput, save_settings, settings_for


def _form(current) -> SettingsForm:
    guidance, grounds = current.complaint_guidance or {}, current.democracy_grounds or {}
    return SettingsForm(obj=current, **{f"complaint_guidance_{locale}": guidance.get(locale) for locale in
                                        ("da", "sv", "en")},
                        **{f"ground_{ground}": grounds.get(ground) for ground in MUNICIPAL_GROUNDS})


@bp.route("/settings", methods=["GET", "POST"])
@require(policies.is_administrator)
def settings():
    """The municipality's rules, delegation, four eyes, validity, application period and appeal information."""
    current = settings_for(current_user.municipality_id)
    form = _form(current)
    swedish = current_user.municipality.country == "SE"
    if form.validate_on_submit():
        save_settings(current_user, current, SettingsInput(
            four_eyes=form.four_eyes.data, validity_months=form.validity_months.data,
            period_start_month=form.period_start_month.data, rules_name=form.rules_name.data or None,
            rules_adopted_on=form.rules_adopted_on.data, delegation=form.delegation.data or None,
            complaint_guidance={locale: getattr(form, f"complaint_guidance_{locale}").data or ""
                                for locale in ("da", "sv", "en")},
            democracy_grounds=form.grounds() if swedish else current.democracy_grounds or {}))
        flash(_("The settings have been saved."), "success")
        return redirect(url_for("screening.settings"), code=303)
    return render_template("screening/settings.html", form=form, swedish=swedish)
