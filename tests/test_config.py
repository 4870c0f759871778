"""Configuration safety."""

import pytest

from config import DEFAULT_SECRET_KEY, ProductionConfig
from registry import create_app


def test_production_refuses_the_default_secret_key():
    """Starting in production with the published development key is an error."""
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app(ProductionConfig, SECRET_KEY=DEFAULT_SECRET_KEY, SQLALCHEMY_DATABASE_URI="sqlite://")


def test_production_refuses_an_empty_secret_key():
    """An empty key is refused too."""
    with pytest.raises(RuntimeError):
        create_app(ProductionConfig, SECRET_KEY="", SQLALCHEMY_DATABASE_URI="sqlite://")


def test_production_starts_with_a_real_key():
    """A proper key starts the app with secure cookies."""
    app = create_app(ProductionConfig, SECRET_KEY="a-long-random-production-key", SQLALCHEMY_DATABASE_URI="sqlite://")
    assert app.config["SESSION_COOKIE_SECURE"] is True


def test_security_headers(client):
    """Pages carry a strict content security policy and no-sniff."""
    response = client.get("/")
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_database_url_is_normalised_for_psycopg(monkeypatch):
    """postgres:// URLs from hosting platforms use the psycopg 3 driver."""
    import config

    monkeypatch.setenv("DATABASE_URL", "postgres://u@h/db")
    assert config._database_url() == "postgresql+psycopg://u@h/db"
    monkeypatch.delenv("DATABASE_URL")
    assert config._database_url().startswith("sqlite:///")


@pytest.mark.parametrize(("url", "pings"), [
    ("sqlite://", False),
    ("postgresql+psycopg://registry@db.example/registry", True),
])
def test_only_server_connections_are_pinged_before_use(url, pings):
    """A server connection is checked before each use (it may have been dropped); a SQLite file's is not."""
    from registry.extensions import db

    app = create_app(ProductionConfig, SECRET_KEY="a-long-random-production-key", SQLALCHEMY_DATABASE_URI=url)
    with app.app_context():
        assert db.engine.pool._pre_ping is pings
