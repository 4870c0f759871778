"""The site icon: linked from every page, and /favicon.ico answers instead of a 404.

Files are sent as streams: buffered=True reads and closes them, as a server would.
"""

import re
from xml.etree import ElementTree


def test_favicon_ico_is_served(client):
    """Browsers that ask for /favicon.ico on their own get the SVG icon, cacheable for a day."""
    response = client.get("/favicon.ico", buffered=True)

    assert response.status_code == 200
    assert response.mimetype == "image/svg+xml"
    assert ElementTree.fromstring(response.data).tag == "{http://www.w3.org/2000/svg}svg"
    assert response.cache_control.max_age == 86400


def test_pages_link_the_svg_icon(client):
    """The page's icon link leads to the same SVG file."""
    page = client.get("/").get_data(as_text=True)

    link = re.search(r'<link rel="icon" href="([^"]+)" type="image/svg\+xml">', page)
    assert link, page[:500]
    icon = client.get(link.group(1), buffered=True)
    assert icon.status_code == 200
    assert icon.data == client.get("/favicon.ico", buffered=True).data


def test_favicon_is_served_to_logged_in_users_too(client, factories, login):
    """Logged in, the icon still loads (the route is open to everyone)."""
    login(factories.user())

    assert client.get("/favicon.ico", buffered=True).status_code == 200
