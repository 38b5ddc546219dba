"""The demo site's own polish: a favicon, no third-party avatars."""

from django.conf import settings
from django.contrib.staticfiles import finders


def test_favicon_ico_answers_with_a_real_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == settings.STATIC_URL + "favicon.ico"
    path = finders.find("favicon.ico")
    with open(path, "rb") as icon:
        data = icon.read()
    assert data[:4] == b"\x00\x00\x01\x00" and 0 < len(data) < 4096  # an ICO, and small


def test_pages_link_the_icon(client, home_page):
    assert '<link rel="icon" href="/static/favicon.ico"' in client.get("/").content.decode()


def test_admin_avatars_are_not_fetched_from_gravatar():
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
