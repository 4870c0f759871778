"""Revocable sessions: the cookies name a server-side session, and ending it makes copies of the cookies useless.

Each test copies a browser's cookies into fresh test clients ("replays" them), the way a stolen or leftover
cookie would be used, and checks who they still log in.
"""

import hashlib
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from registry.accounts.models import UserSession
from registry.accounts.signin import device_summary
from registry.audit.models import AuditEvent
from registry.core.models import utcnow
from registry.extensions import db
from tests.accounts.helpers import STRONG, flashes, input_value, is_logged_in, log_in, page_shows
from tests.conftest import link_in

SESSION, REMEMBER = "session", "remember_token"
FIREFOX_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0"
SAFARI_ON_IPHONE = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
                    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1")


def _device(app, user, factories, remember=True, user_agent=FIREFOX_ON_WINDOWS):
    """A browser of its own, logged in as the user through the login form."""
    browser = app.test_client()
    data = {"email": user.email, "password": factories.PASSWORD, **({"remember": "y"} if remember else {})}
    assert browser.post("/account/login", data=data, headers={"User-Agent": user_agent}).status_code == 303
    return browser


def _cookie(browser, name: str) -> str:
    cookie = browser.get_cookie(name)
    assert cookie is not None, name
    return cookie.value


def _replay(app, name: str, value: str):
    """A fresh browser holding only this one copied cookie."""
    browser = app.test_client()
    browser.set_cookie(name, value)
    return browser


def _replays_log_in(app, cookies: dict[str, str]) -> dict[str, bool]:
    """For each copied cookie, whether a browser holding only it is logged in."""
    return {name: is_logged_in(_replay(app, name, value)) for name, value in cookies.items()}


def _cookies(browser) -> dict[str, str]:
    return {SESSION: _cookie(browser, SESSION), REMEMBER: _cookie(browser, REMEMBER)}


def _sessions(user) -> list[UserSession]:
    db.session.expire_all()
    return list(db.session.scalars(select(UserSession).where(UserSession.user_id == user.id)))


def _events(action: str) -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_cookies_carry_a_session_token_not_the_user_id(app, client, factories):
    """Logging in stores one session; both cookies name it by a random token, only its hash is stored, and the
    device is summarised as browser and system (no full User-Agent, no address)."""
    user = factories.user()
    browser = _device(app, user, factories)

    [stored] = _sessions(user)
    with browser.session_transaction() as session:
        token = session["_user_id"]
    assert token != str(user.id) and len(token) >= 40
    assert stored.token_hash == hashlib.sha256(token.encode()).hexdigest() != token
    assert _cookie(browser, REMEMBER).startswith(f"{token}|")
    assert stored.device == "Firefox, Windows"
    assert not hasattr(stored, "ip_address") and not hasattr(stored, "user_agent")


def test_copied_cookies_work_while_the_session_lasts(app, factories):
    """The replays below are meaningful: a copied session cookie, or a copied remember cookie alone, logs in."""
    user = factories.user()
    browser = _device(app, user, factories)

    assert _replays_log_in(app, _cookies(browser)) == {SESSION: True, REMEMBER: True}


def test_logout_ends_the_session_for_copied_cookies_too(app, factories):
    """After logging out, neither the session cookie nor the remember cookie of that browser logs anyone in."""
    user = factories.user()
    browser = _device(app, user, factories)
    copied = _cookies(browser)

    assert browser.post("/account/logout").status_code == 303

    assert not is_logged_in(browser)
    assert _replays_log_in(app, copied) == {SESSION: False, REMEMBER: False}
    assert _sessions(user) == []


def test_logout_ends_only_that_browser(app, factories):
    """Logging out on one device leaves the user's other devices logged in."""
    user = factories.user()
    laptop, phone = _device(app, user, factories), _device(app, user, factories, user_agent=SAFARI_ON_IPHONE)

    laptop.post("/account/logout")

    assert is_logged_in(phone)
    assert [stored.device for stored in _sessions(user)] == ["Safari, iOS"]


def test_password_change_ends_the_other_devices_but_not_this_one(app, factories):
    """A new password logs out every other device, copies of its cookies included; the device it was changed on
    stays logged in, with both of its cookies."""
    user = factories.user()
    laptop, phone = _device(app, user, factories), _device(app, user, factories, user_agent=SAFARI_ON_IPHONE)
    laptop_cookies, phone_cookies = _cookies(laptop), _cookies(phone)

    response = laptop.post("/account/password", data={"current_password": factories.PASSWORD, "password": STRONG,
                                                      "password_confirm": STRONG})

    assert response.status_code == 303
    assert is_logged_in(laptop)
    assert not is_logged_in(phone)
    assert _replays_log_in(app, phone_cookies) == {SESSION: False, REMEMBER: False}
    assert _replays_log_in(app, laptop_cookies) == {SESSION: True, REMEMBER: True}
    [event] = _events("user.password_changed")
    assert (event.actor_id, event.object_id, event.after) == (user.id, user.id, {"sessions_ended": 1})


def test_wrong_current_password_ends_nothing(app, factories):
    """A refused password change leaves every session as it was."""
    user = factories.user()
    laptop, phone = _device(app, user, factories), _device(app, user, factories)

    response = laptop.post("/account/password", data={"current_password": "not my password at all",
                                                      "password": STRONG, "password_confirm": STRONG})

    assert response.status_code == 200
    assert is_logged_in(phone) and len(_sessions(user)) == 2


def test_password_reset_ends_every_session(app, factories, outbox):
    """A reset through the mailed link ends every session of the account: the browsers logged in before, and
    copies of their cookies, log no one in; the new password then logs in as usual."""
    user = factories.user()
    laptop, phone = _device(app, user, factories, remember=False), _device(app, user, factories)
    copied = {"laptop": _cookie(laptop, SESSION), **_cookies(phone)}
    stranger = app.test_client()
    assert stranger.post("/account/password/forgot", data={"email": user.email}).status_code == 303
    path = urlsplit(link_in(outbox[0])).path

    response = stranger.post(path, data={"password": STRONG, "password_confirm": STRONG})

    assert response.status_code == 303
    assert not is_logged_in(laptop) and not is_logged_in(phone) and not is_logged_in(stranger)
    assert {name: is_logged_in(_replay(app, SESSION if name == "laptop" else name, value))
            for name, value in copied.items()} == {"laptop": False, SESSION: False, REMEMBER: False}
    assert _sessions(user) == []
    [event] = _events("user.password_reset")
    assert event.after == {"sessions_ended": 2}
    assert log_in(app.test_client(), user.email, STRONG).status_code == 303


def test_settings_list_the_sessions_and_mark_this_device(app, factories, translate):
    """The account page lists each session that can still log in, with its browser and system, and marks the
    one the page is seen through."""
    user = factories.user()
    _device(app, user, factories, user_agent=SAFARI_ON_IPHONE)
    laptop = _device(app, user, factories)
    other = _device(app, factories.user(), factories, user_agent="curl/8.0")

    page = laptop.get("/account/settings")

    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "Firefox, Windows" in text and "Safari, iOS" in text
    assert text.count(translate("This device")) == 1
    assert page_shows(page, translate("Log out everywhere"))
    assert "Firefox, Windows" not in other.get("/account/settings").get_data(as_text=True)


def test_log_out_everywhere_ends_every_session_this_one_included(app, factories, translate):
    """"Log out everywhere" ends all the account's sessions, on this device too, and is audited; other accounts'
    sessions stay."""
    user = factories.user()
    laptop, phone = _device(app, user, factories), _device(app, user, factories)
    copied = {**{f"laptop {name}": value for name, value in _cookies(laptop).items()},
              **{f"phone {name}": value for name, value in _cookies(phone).items()}}
    bystander = _device(app, factories.user(), factories)

    response = laptop.post("/account/logout/everywhere")

    assert response.status_code == 303 and response.headers["Location"] == "/account/login"
    assert ("success", translate("You are logged out on every device, this one included.")) in flashes(
        laptop.get("/account/login"))
    assert not is_logged_in(laptop) and not is_logged_in(phone)
    assert {name: is_logged_in(_replay(app, name.split()[1], value)) for name, value in copied.items()} == {
        name: False for name in copied}
    assert _sessions(user) == []
    assert is_logged_in(bystander)
    [event] = _events("user.logged_out_everywhere")
    assert (event.actor_id, event.object_id, event.after) == (user.id, user.id, {"sessions_ended": 2})
    assert is_logged_in(_device(app, user, factories))  # the password still logs in afresh


def test_log_out_everywhere_is_a_post_with_csrf_token(make_app, factories):
    """With CSRF protection on (as in production), a POST without the form's token is refused and ends nothing;
    the button's form carries the token, and GET is not allowed."""
    app = make_app(WTF_CSRF_ENABLED=True)
    user = factories.user()
    browser = app.test_client()
    login_page = browser.get("/account/login")
    assert browser.post("/account/login", data={"email": user.email, "password": factories.PASSWORD,
                                                "csrf_token": input_value(login_page, "csrf_token")}).status_code == 303

    assert browser.get("/account/logout/everywhere").status_code == 405
    assert browser.post("/account/logout/everywhere").status_code == 400
    assert len(_sessions(user)) == 1 and is_logged_in(browser)

    settings = browser.get("/account/settings").get_data(as_text=True)
    form = settings[settings.index('action="/account/logout/everywhere"'):]
    token = form[form.index('name="csrf_token" value="') + 25:].split('"', 1)[0]
    assert browser.post("/account/logout/everywhere", data={"csrf_token": token}).status_code == 303
    assert _sessions(user) == [] and not is_logged_in(browser)


def test_log_out_everywhere_needs_a_login(client):
    """An anonymous visitor is sent to log in."""
    response = client.post("/account/logout/everywhere")

    assert response.status_code == 302
    assert urlsplit(response.headers["Location"]).path == "/account/login"


def test_cookie_holding_a_bare_user_id_logs_no_one_in(app, factories):
    """A session that names the user by id (as cookies did before sessions were stored) is not accepted."""
    user = factories.user()
    _device(app, user, factories)
    old = app.test_client()
    with old.session_transaction() as session:
        session["_user_id"] = str(user.id)
        session["_fresh"] = True

    assert not is_logged_in(old)


def test_deactivated_user_is_not_loaded_from_a_live_session(app, factories):
    """A session of an account deactivated since logs no one in, even before the session is ended."""
    user = factories.user()
    browser = _device(app, user, factories)
    user.active = False
    db.session.commit()

    assert not is_logged_in(browser)


@pytest.mark.parametrize(("remember", "lifetime"), [(True, timedelta(days=365)), (False, timedelta(days=31))])
def test_sessions_expire_with_their_cookies(app, factories, remember, lifetime):
    """A remembered session lasts as long as the remember cookie (a year), another one as long as Flask's
    session lifetime (31 days); once expired it logs no one in, and the next login removes it."""
    user = factories.user()
    browser = _device(app, user, factories, remember=remember)
    [stored] = _sessions(user)
    assert stored.expires_at - stored.created_at == lifetime
    expired = stored.token_hash

    stored.expires_at = utcnow() - timedelta(seconds=1)
    db.session.commit()

    assert not is_logged_in(browser)
    _device(app, user, factories)
    assert [session.token_hash != expired for session in _sessions(user)] == [True]


@pytest.mark.parametrize(("user_agent", "summary"), [
    (FIREFOX_ON_WINDOWS, "Firefox, Windows"),
    (SAFARI_ON_IPHONE, "Safari, iOS"),
    ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 "
     "Safari/537.36 Edg/126.0.0.0", "Edge, macOS"),
    ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile "
     "Safari/537.36", "Chrome, Android"),
    ("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", "Firefox, Linux"),
    ("curl/8.0", None),
    ("", None),
    (None, None),
])
def test_device_summary(user_agent, summary):
    """Browser and system are named from the User-Agent header; anything unknown is left out."""
    assert device_summary(user_agent) == summary
