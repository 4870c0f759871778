"""Representatives: the list, invitations and removal."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from registry.associations import bp, policies
from registry.associations.choices import RIGHTS
from registry.associations.forms.files import InvitationForm
from registry.associations.models import Invitation, Representative
from registry.associations.services import people
from registry.associations.views import load_association
from registry.core.authz import require
from registry.core.forms import FieldValueError, apply_service_errors
from registry.core.tokens import TokenError
from registry.extensions import db


def _people_page(association, form):
    return render_template("associations/people.html", association=association, form=form, rights=RIGHTS,
                           representatives=people.representatives_of(association),
                           invitations=people.open_invitations(association),
                           can_manage=policies.can_manage_people(current_user, association))


@bp.get("/<int:association_id>/people")
@require(policies.can_view_association, load=load_association)
def representatives(association):
    """Who acts for the association, and open invitations."""
    return _people_page(association, InvitationForm(formdata=None))


@bp.post("/<int:association_id>/people/invite")
@require(policies.can_manage_people, load=load_association)
def invite(association):
    """Invite a co-representative by e-mail."""
    form = InvitationForm()
    if form.validate_on_submit():
        try:
            people.invite_representative(current_user, association, form.email.data, form.rights.data,
                                         str(get_locale()))
            flash(_("An invitation has been sent to %(email)s.", email=form.email.data.strip()), "success")
            return redirect(url_for("associations.representatives", association_id=association.id), code=303)
        except FieldValueError as error:
            apply_service_errors(form, error)
    return _people_page(association, form)


def _load_representative(association_id: int, representative_id: int) -> dict:
    loaded = load_association(association_id)
    representative = db.session.get(Representative, representative_id)
    if representative is None or representative.association_id != association_id:
        abort(404)
    return {**loaded, "representative": representative}


@bp.post("/<int:association_id>/people/<int:representative_id>/remove")
@require(policies.can_manage_people, load=_load_representative)
def remove_representative(association, representative):
    """Remove a representative (never the last owner)."""
    try:
        people.remove_representative(current_user, representative)
        flash(_("%(name)s no longer represents the association.", name=representative.user.display_name),
              "success")
    except FieldValueError as error:
        flash(str(error), "error")
    return redirect(url_for("associations.representatives", association_id=association.id), code=303)


def _load_invitation(association_id: int, invitation_id: int) -> dict:
    loaded = load_association(association_id)
    invitation = db.session.get(Invitation, invitation_id)
    if invitation is None or invitation.association_id != association_id or not invitation.is_open:
        abort(404)
    return {**loaded, "invitation": invitation}


@bp.post("/<int:association_id>/invitations/<int:invitation_id>/revoke")
@require(policies.can_manage_people, load=_load_invitation)
def revoke_invitation(association, invitation):
    """Withdraw an invitation that has not been accepted."""
    people.revoke_invitation(current_user, invitation)
    flash(_("The invitation to %(email)s has been withdrawn.", email=invitation.email), "success")
    return redirect(url_for("associations.representatives", association_id=association.id), code=303)


@bp.route("/invitations/<token>", methods=["GET", "POST"])
@require(policies.authenticated)
def accept_invitation(token: str):
    """Accept an invitation: the logged-in user must own the invited address."""
    try:
        invitation = people.invitation_from_token(token)
    except TokenError as error:
        return render_template("associations/invitation_problem.html", expired=error.expired), 400
    if current_user.email != invitation.email:
        return render_template("associations/invitation_problem.html", wrong_account=True,
                               invitation=invitation), 403
    if request.method == "POST":
        people.accept_invitation(current_user, invitation)
        flash(_("You now represent %(name)s.", name=invitation.association.name), "success")
        return redirect(url_for("associations.overview", association_id=invitation.association_id), code=303)
    return render_template("associations/invitation.html", invitation=invitation, rights=RIGHTS)
