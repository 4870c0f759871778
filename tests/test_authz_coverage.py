"""Every endpoint declares its policy; anonymous visitors cannot reach private pages."""

import pytest

from registry.core.authz import anyone

PUBLIC_ENDPOINTS = {
    "public.home", "public.associations", "public.set_language", "accounts.login", "accounts.register",
    "accounts.logout", "accounts.verify_email", "accounts.forgot_password", "accounts.reset_password",
    "public.favicon",
    "staff.accept_invitation", "publication.index", "publication.show", "publication.download",
}


def _endpoints(app):
    return sorted(rule.endpoint for rule in app.url_map.iter_rules() if rule.endpoint != "static")


def test_every_endpoint_declares_a_policy(app):
    """A view without @require(...) would be reachable by anyone: fail on it."""
    missing = [endpoint for endpoint in _endpoints(app)
               if getattr(app.view_functions[endpoint], "policy", None) is None]
    assert missing == []


def test_public_endpoints_are_exactly_the_known_ones(app):
    """Only the listed pages are open to everyone; adding a public page is a deliberate change here."""
    from registry.core.authz import anonymous_only

    open_to_all = {endpoint for endpoint in _endpoints(app)
                   if app.view_functions[endpoint].policy in (anyone, anonymous_only)}
    assert open_to_all == PUBLIC_ENDPOINTS


def _sample_url(app, rule) -> str:
    values = {arg: 1 for arg in rule.arguments}
    for arg, converter in rule._converters.items():
        if hasattr(converter, "items"):  # any(...) converter
            values[arg] = sorted(converter.items)[0]
        elif converter.__class__.__name__ == "UnicodeConverter":
            values[arg] = "token"
    with app.test_request_context():
        return rule.build(values, append_unknown=False)[1]


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_anonymous_visitor_is_sent_to_login_on_private_pages(app, client, factories, method):
    """Private endpoints redirect anonymous visitors to the login page (or 404 for hidden ones)."""
    factories.association()
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static" or rule.endpoint in PUBLIC_ENDPOINTS or method not in rule.methods:
            continue
        url = _sample_url(app, rule)
        response = client.open(url, method=method)
        if rule.endpoint == "public.profile":
            assert response.status_code in (200, 404), url
            continue
        assert response.status_code == 302, (rule.endpoint, url, response.status_code)
        assert "/account/login" in response.location, (rule.endpoint, response.location)
