"""The four profile steps: how each builds its form, saves it and renders it."""

from flask import render_template, request, url_for

from registry.associations.choices import COLLABORATION_FORMS, MOTIVATIONS, ROLES
from registry.associations.forms.governance import MAX_BOARD, GovernanceForm
from registry.associations.forms.identity import IdentityForm
from registry.associations.forms.purpose import PurposeForm
from registry.associations.forms.roles import RolesForm
from registry.associations.services import profile
from registry.associations.services.submission import STEPS, completed_steps
from registry.core.forms import bool_to_yes_no, yes_no_to_bool
from registry.core.inputs import list_index
from registry.municipalities.services import grouped_by_region

STEP_KEYS = [key for key, _label in STEPS]


def next_step_url(association, step: str, action: str | None) -> str:
    """After saving: the same step for "save", otherwise the next one."""
    if action == "save":
        return url_for("associations.step", association_id=association.id, step=step)
    following = STEP_KEYS[STEP_KEYS.index(step) + 1]
    if following in ("identity", "purpose", "governance", "roles"):
        return url_for("associations.step", association_id=association.id, step=following)
    return url_for(f"associations.{following}", association_id=association.id)


def _render(template: str, association, form, **extra):
    return render_template(f"associations/steps/{template}.html", association=association, form=form,
                           steps=STEPS, done=completed_steps(association), **extra)


class IdentityStep:
    """Step 1."""

    @staticmethod
    def form(association) -> IdentityForm:
        if request.method == "POST":
            return IdentityForm()
        form = IdentityForm(obj=association)
        form.home_municipality.data = association.home_municipality_id
        form.active_municipalities.data = [m.id for m in association.active_municipalities]
        return form

    @staticmethod
    def rearranged(form) -> bool:
        return False

    @staticmethod
    def save(actor, association, form) -> None:
        profile.save_identity(actor, association, profile.Identity(
            name=form.name.data, country=form.country.data,
            registration_number=form.registration_number.data,
            no_registration_number=bool(form.no_registration_number.data),
            home_municipality_id=form.home_municipality.data,
            active_municipality_ids=form.active_municipalities.data or [],
            address=form.address.data, postcode=form.postcode.data, city=form.city.data,
            website=form.website.data, email=form.email.data, phone=form.phone.data))

    @staticmethod
    def render(association, form):
        country = form.country.data if form.country.data in ("DK", "SE") else association.country
        return _render("identity", association, form, regions=grouped_by_region(country), country=country)


class PurposeStep:
    """Step 2."""

    @staticmethod
    def form(association) -> PurposeForm:
        if request.method == "POST":
            return PurposeForm()
        form = PurposeForm(obj=association)
        form.target_groups.data = association.selected("target_group")
        form.languages.data = association.language_codes
        return form

    rearranged = IdentityStep.rearranged

    @staticmethod
    def save(actor, association, form) -> None:
        profile.save_purpose(actor, association, form.purpose.data, form.activities.data,
                             form.target_groups.data or [], form.target_groups_other.data,
                             form.local_areas.data, form.languages.data or [])

    @staticmethod
    def render(association, form):
        return _render("purpose", association, form)


class GovernanceStep:
    """Step 3, with board rows added and removed without JavaScript."""

    @staticmethod
    def form(association) -> GovernanceForm:
        if request.method == "POST":
            return GovernanceForm()
        form = GovernanceForm(obj=association, board_members=[
            {"name": m.name, "role": m.role, "elected_on": m.elected_on} for m in association.board_members] or None)
        for name in ("assembly_elects_board", "open_to_all", "non_commercial"):
            getattr(form, name).data = bool_to_yes_no(getattr(association, name))
        return form

    @staticmethod
    def rearranged(form) -> bool:
        """Handle the "add row" and "remove row" buttons; True if one was pressed."""
        if "add_row" in request.form:
            if len(form.board_members) < MAX_BOARD:
                form.board_members.append_entry()
            return True
        if "remove_row" in request.form:
            # A remove button was pressed: nothing is saved, whichever row it names (ASCII digits only: "²"
            # passes isdigit() but not int()); a row that does not exist removes nothing.
            remove = list_index(request.form["remove_row"], MAX_BOARD)
            kept = [entry.data for index, entry in enumerate(form.board_members) if index != remove]
            while len(form.board_members):
                form.board_members.pop_entry()
            for data in kept or [{}]:
                form.board_members.append_entry(data)
            return True
        return False

    @staticmethod
    def save(actor, association, form) -> None:
        rows = [profile.BoardRow(entry.form.name.data, entry.form.role.data, entry.form.elected_on.data)
                for entry in form.board_members if entry.form.name.data]
        profile.save_governance(actor, association, profile.Governance(
            board=rows, member_count=form.member_count.data, paying_member_count=form.paying_member_count.data,
            volunteer_count=form.volunteer_count.data, founded_year=form.founded_year.data,
            assembly_elects_board=yes_no_to_bool(form.assembly_elects_board.data),
            open_to_all=yes_no_to_bool(form.open_to_all.data),
            non_commercial=yes_no_to_bool(form.non_commercial.data)))

    @staticmethod
    def render(association, form):
        return _render("governance", association, form, max_board=MAX_BOARD)


class RolesStep:
    """Step 4."""

    @staticmethod
    def form(association) -> RolesForm:
        if request.method == "POST":
            return RolesForm()
        form = RolesForm(obj=association)
        form.roles.data = association.selected("role")
        form.motivations.data = association.selected("motivation")
        form.collaboration_forms.data = association.selected("collaboration")
        return form

    rearranged = IdentityStep.rearranged

    @staticmethod
    def save(actor, association, form) -> None:
        profile.save_roles(actor, association, form.roles.data or [], form.roles_description.data,
                           form.motivations.data or [], form.motivations_other.data,
                           form.collaboration_forms.data or [], form.collaboration_note.data)

    @staticmethod
    def render(association, form):
        return _render("roles", association, form, roles=ROLES, motivations=MOTIVATIONS,
                       collaboration_forms=COLLABORATION_FORMS)


STEP_HANDLERS = {"identity": IdentityStep, "purpose": PurposeStep, "governance": GovernanceStep, "roles": RolesStep}
