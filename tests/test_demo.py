"""`flask demo load`: the demo's e-mails link to where `make run` serves the app."""

import re


def test_demo_mail_links_follow_the_base_url(app, outbox):
    """`make run PORT=8080` passes --base-url: every link in the demo's e-mails points to that port."""
    result = app.test_cli_runner().invoke(args=["demo", "load", "--base-url", "http://127.0.0.1:8080"])

    assert result.exit_code == 0, result.output
    links = [link for message in outbox for link in re.findall(r"https?://\S+", message.get_content())]
    assert links  # the demo's decisions are mailed to the association
    assert all(link.startswith("http://127.0.0.1:8080/") for link in links), links
