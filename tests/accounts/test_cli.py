"""`flask accounts create-staff`: the operator creates a municipality's administrator."""

from flask import url_for
from sqlalchemy import select

from registry.accounts.passwords import verify_password
from registry.audit.models import AuditEvent
from registry.extensions import db
from tests.accounts.helpers import STRONG, log_in, user_by_email, user_count


def _create_staff(app, *args, input=None):
    return app.test_cli_runner().invoke(args=["accounts", "create-staff", *args], input=input)


def test_create_administrator_with_prompted_password(app, factories):
    """The password is asked for twice; a verified, active administrator for Aarhus is created."""
    result = _create_staff(app, "Admin@Aarhus.DK", "--municipality", "DK-751", "--name", "Mette Admin",
                           input=f"{STRONG}\n{STRONG}\n")

    assert result.exit_code == 0, result.output
    assert "Created administrator admin@aarhus.dk for Aarhus." in result.output
    user = user_by_email("admin@aarhus.dk")
    assert user.role == "administrator"
    assert user.municipality_id == factories.municipality("DK", "751").id
    assert user.display_name == "Mette Admin"
    assert user.locale == "da"
    assert user.active and user.is_verified and user.is_staff
    assert user.password_hash.startswith("$argon2id$")
    assert verify_password(user.password_hash, STRONG)
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "staff.created")).all()
    assert [(event.object_id, event.actor_id) for event in events] == [(user.id, None)]


def test_created_staff_can_log_in(app, client):
    """The new staff account logs in through the form and lands on the staff dashboard."""
    _create_staff(app, "admin@aarhus.dk", "--municipality", "DK-751", "--name", "Mette Admin",
                  "--password", STRONG)

    response = log_in(client, "admin@aarhus.dk", STRONG)

    assert response.status_code == 303
    with app.test_request_context():
        assert response.headers["Location"] == url_for("staff.dashboard")


def test_create_officer_by_option_and_name(app, factories):
    """--password, --role, --locale and a municipality given by name work too."""
    result = _create_staff(app, "officer@stockholm.se", "--municipality", "Stockholm",
                           "--name", "Sara Officer", "--role", "officer", "--locale", "sv",
                           "--password", STRONG)

    assert result.exit_code == 0, result.output
    user = user_by_email("officer@stockholm.se")
    assert (user.role, user.locale) == ("officer", "sv")
    assert user.municipality.name == "Stockholm"
    assert user.municipality.country == "SE"


def test_unknown_municipality_refused(app):
    """An unknown municipality stops the command with a message and creates nothing."""
    result = _create_staff(app, "admin@nowhere.dk", "--municipality", "DK-999", "--name", "Nobody",
                           "--password", STRONG)

    assert result.exit_code != 0
    assert "unknown municipality 'DK-999'" in result.output
    assert user_count() == 0


def test_duplicate_email_refused(app, factories):
    """An address that already has an account (in any letter case) is refused."""
    factories.user(email="admin@aarhus.dk")

    result = _create_staff(app, "ADMIN@aarhus.dk", "--municipality", "DK-751", "--name", "Mette Admin",
                           "--password", STRONG)

    assert result.exit_code != 0
    assert "ADMIN@aarhus.dk already has an account" in result.output
    assert user_count() == 1
    assert user_by_email("admin@aarhus.dk").role == "member"


def test_short_password_refused(app):
    """A password under 12 characters is refused."""
    result = _create_staff(app, "admin@aarhus.dk", "--municipality", "DK-751", "--name", "Mette Admin",
                           "--password", "too short")

    assert result.exit_code != 0
    assert "at least 12 characters" in result.output
    assert user_count() == 0


def test_mismatched_password_prompts_not_accepted(app):
    """Two different answers at the password prompt do not create an account."""
    result = _create_staff(app, "admin@aarhus.dk", "--municipality", "DK-751", "--name", "Mette Admin",
                           input=f"{STRONG}\n{STRONG}x\n")

    assert result.exit_code != 0
    assert user_count() == 0


def test_unknown_role_refused(app):
    """Only staff roles can be created from the command line."""
    result = _create_staff(app, "admin@aarhus.dk", "--municipality", "DK-751", "--name", "Mette Admin",
                           "--role", "member", "--password", STRONG)

    assert result.exit_code == 2
    assert user_count() == 0
