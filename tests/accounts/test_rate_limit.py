"""Rate limits on the login and registration forms: POSTs are counted per client address, GETs are not."""

import ipaddress
import os
import random

import pytest
import redis

from registry.extensions import limiter
from tests.accounts.helpers import html_lang, is_logged_in, log_in, page_shows, register, user_count

LIMIT = "3 per minute"


def _exhaust_login_limit(client, email):
    """Make exactly the allowed number of failed login attempts."""
    for _ in range(3):
        response = log_in(client, email, "a wrong password for sure")
        assert response.status_code == 200


def _assert_limited(client, factories, translate):
    user = factories.user()
    for _ in range(5):
        assert client.get("/account/login").status_code == 200  # GETs do not use up the attempts
    _exhaust_login_limit(client, user.email)

    blocked = log_in(client, user.email, factories.PASSWORD)

    assert blocked.status_code == 429
    assert page_shows(blocked, translate("Too many attempts"))
    assert page_shows(blocked, translate(
        "You have tried too many times in a short while. Wait a few minutes and try again."))
    assert not is_logged_in(client)
    assert client.get("/account/login").status_code == 200


def test_fourth_login_post_is_refused(make_app, factories, translate):
    """With '3 per minute' the 4th POST gets the 429 page, even with the right password; GET still works."""
    app = make_app(LOGIN_RATE_LIMIT=LIMIT)

    _assert_limited(app.test_client(), factories, translate)


def test_limit_counts_per_client_address(make_app, factories):
    """Another client address still gets its own attempts when one address is blocked."""
    app = make_app(LOGIN_RATE_LIMIT=LIMIT)
    user = factories.user()
    blocked_client = app.test_client()
    _exhaust_login_limit(blocked_client, user.email)
    assert log_in(blocked_client, user.email, factories.PASSWORD).status_code == 429
    other_client = app.test_client()
    other_client.environ_base["REMOTE_ADDR"] = "192.0.2.7"

    assert log_in(other_client, user.email, factories.PASSWORD).status_code == 303


def test_limit_page_is_translated(make_app, factories, translate):
    """The 429 page is served in the visitor's language."""
    app = make_app(LOGIN_RATE_LIMIT=LIMIT)
    client = app.test_client()
    _exhaust_login_limit(client, "nobody@example.org")

    blocked = log_in(client, "nobody@example.org", "whatever", headers={"Accept-Language": "sv"})

    assert blocked.status_code == 429
    assert html_lang(blocked) == "sv"
    assert page_shows(blocked, translate("Too many attempts", "sv"))


def test_limit_headers_announce_remaining_attempts(make_app):
    """Responses to counted POSTs say how many attempts are left."""
    app = make_app(LOGIN_RATE_LIMIT=LIMIT)
    client = app.test_client()

    first = log_in(client, "nobody@example.org", "whatever")

    assert first.headers["X-RateLimit-Limit"] == "3"
    assert first.headers["X-RateLimit-Remaining"] == "2"


def test_forgot_password_is_limited_too(make_app):
    """The password-reset request form shares the limit rule, so it cannot be used to flood mail."""
    app = make_app(LOGIN_RATE_LIMIT=LIMIT)
    client = app.test_client()
    for _ in range(3):
        assert client.post("/account/password/forgot", data={"email": "a@example.org"}).status_code == 303

    assert client.post("/account/password/forgot", data={"email": "a@example.org"}).status_code == 429


def test_registration_is_limited(make_app, factories, translate):
    """With REGISTER_RATE_LIMIT '3 per minute' the 4th registration POST from one address gets the 429 page and
    creates nothing, whether the address is new or taken; GET still works, and the login form keeps its own
    count."""
    app = make_app(REGISTER_RATE_LIMIT=LIMIT, LOGIN_RATE_LIMIT="10 per minute")
    owner = factories.user(email="taken@example.org")
    client = app.test_client()
    for number in range(3):
        assert register(client, email=f"person{number}@example.org").status_code == 303

    new = register(client, email="person4@example.org")
    taken = register(client, email="taken@example.org")

    assert new.status_code == taken.status_code == 429
    assert page_shows(new, translate("Too many attempts"))
    assert user_count() == 4 and len(app.extensions["mail_outbox"]) == 3
    assert client.get("/account/register").status_code == 200
    assert log_in(client, owner.email, factories.PASSWORD).status_code == 303
    other_client = app.test_client()
    other_client.environ_base["REMOTE_ADDR"] = "192.0.2.7"
    assert register(other_client, email="person4@example.org").status_code == 303


@pytest.fixture
def redis_url():
    """TEST_REDIS_URL; afterwards the limiter's Redis connections are closed."""
    url = os.environ["TEST_REDIS_URL"]  # in CI a missing URL fails here instead of skipping
    yield url
    client = getattr(getattr(limiter, "_storage", None), "storage", None)
    if isinstance(client, redis.Redis):
        client.close()
        client.connection_pool.disconnect()


@pytest.fixture
def client_address(redis_url):
    """A client address of its own, so counters of other runs sharing this Redis don't interfere."""
    address = str(ipaddress.IPv4Address(random.getrandbits(24) | (10 << 24)))  # somewhere in 10.0.0.0/8
    yield address
    with redis.Redis.from_url(redis_url) as connection:
        for key in connection.scan_iter(f"*/{address}/*"):
            connection.delete(key)


@pytest.mark.skipif(not os.environ.get("TEST_REDIS_URL") and not os.environ.get("CI"),
                    reason="TEST_REDIS_URL is not set (required in CI)")
def test_limit_with_redis_storage(make_app, factories, translate, redis_url, client_address):
    """The same limit holds with Redis as the shared storage, and the counters live in Redis."""
    app = make_app(LOGIN_RATE_LIMIT=LIMIT, RATELIMIT_STORAGE_URI=redis_url)
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = client_address

    _assert_limited(client, factories, translate)

    with redis.Redis.from_url(redis_url) as connection:
        keys = [key.decode() for key in connection.scan_iter(f"*/{client_address}/*")]
    assert any("accounts.login" in key for key in keys), keys
