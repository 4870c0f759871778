"""Response headers: HTTPS pinned only over HTTPS, and browser features the app never uses denied."""

import re

import pytest

HSTS = "max-age=31536000; includeSubDomains"


def test_no_hsts_on_plain_http(client):
    """On http (the development server, a test client) the browser must not be told to insist on https."""
    response = client.get("/")

    assert "Strict-Transport-Security" not in response.headers


def test_hsts_on_https(client):
    """A request that came over HTTPS is answered with a year's HSTS, subdomains included."""
    response = client.get("/", base_url="https://registry.example")

    assert response.headers["Strict-Transport-Security"] == HSTS


@pytest.mark.parametrize(("proxy_fix", "expected"), [(True, HSTS), (False, None)])
def test_hsts_behind_the_proxy_only_when_it_is_trusted(make_app, proxy_fix, expected):
    """X-Forwarded-Proto: https counts only with PROXY_FIX; otherwise any client could send the header."""
    client = make_app(PROXY_FIX=proxy_fix).test_client()

    response = client.get("/", headers={"X-Forwarded-Proto": "https"})

    assert response.headers.get("Strict-Transport-Security") == expected


def test_permissions_policy_denies_unused_features(client):
    """Every page denies camera, microphone, geolocation, payment and USB, in valid header syntax."""
    policy = client.get("/").headers["Permissions-Policy"]

    members = policy.split(", ")
    # A structured-field dictionary: feature=() is an empty allowlist, i.e. denied to every origin.
    assert all(re.fullmatch(r"[a-z][a-z0-9-]*=\(\)", member) for member in members), policy
    features = {member.removesuffix("=()") for member in members}
    assert {"camera", "microphone", "geolocation", "payment", "usb", "interest-cohort"} <= features
    assert len(features) == len(members)


def test_headers_on_error_pages_too(client):
    """A 404 carries the same policy, and no HSTS on plain http."""
    response = client.get("/no-such-page")

    assert response.status_code == 404
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert "Strict-Transport-Security" not in response.headers
