"""The municipality's checklist: read it, and (administrators) add local items."""

from flask import flash, redirect, render_template, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from registry.checklists import bp, policies, services
from registry.checklists.forms import LocalItemForm
from registry.core.authz import require
from registry.core.forms import FieldValueError, apply_service_errors

KEY = "qualification"


def _page(form):
    template = services.current_template(KEY, current_user.municipality_id)
    return render_template("checklists/template.html", template=template, form=form, locale=str(get_locale()),
                           can_edit=policies.is_administrator(current_user))


@bp.get("/")
@require(policies.is_staff)
def show():
    """The qualification checklist the municipality uses now, with its version."""
    return _page(LocalItemForm(formdata=None))


@bp.post("/items")
@require(policies.is_administrator)
def add_item():
    """Add a local item: this makes a new version of the municipality's checklist."""
    form = LocalItemForm()
    if form.validate_on_submit():
        try:
            template = services.add_local_item(
                current_user, KEY, {"da": form.text_da.data, "sv": form.text_sv.data, "en": form.text_en.data},
                {"da": form.guidance_da.data or "", "sv": form.guidance_sv.data or "",
                 "en": form.guidance_en.data or ""}, bool(form.blocking.data), form.source.data or "")
            flash(_("The item has been added. New cases use version %(version)s.", version=template.label),
                  "success")
            return redirect(url_for("checklists.show"), code=303)
        except FieldValueError as error:
            apply_service_errors(form, error)
    return _page(form)
