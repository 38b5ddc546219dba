"""Input an attacker sends without signing in: a 400 or a 404, never a 500.

Each case is a finding: it answered 500 before query parameters and path values went through
:mod:`civic_wagtail.params`, searches through :mod:`civic_wagtail.search_terms` and ids
through the ``civic_id`` converter. The NUL cases matter most on PostgreSQL, which rejects a
NUL byte in any text parameter; run this module there too (``DATABASE_URL``).
"""

import re

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db

API = "/hub/api/v2/practices/"
HUGE = "99999999999999999999999"

NUL_BYTES = [
    "/search/?q=%00",
    "/search/?topic=%00",
    "/search/?type=%00",
    "/library/?q=%00",
    "/events/?topic=%00",
    "/events/?tz=%00",
    "/events/feed/?topic=%00",
    "/events/feed/?tz=%00",
    "/events/permit-clinic/?tz=%00",
    f"{API}?search=%00",
    f"{API}?topic=%00",
    f"{API}?locale=%00",
    f"{API}?indicator=%00",
    f"{API}?region=%00",
]


@pytest.mark.parametrize("url", NUL_BYTES)
def test_a_nul_byte_in_a_parameter_is_a_400(anonymous, hostile_site, url):
    assert anonymous.get(url).status_code == 400


def test_a_nul_byte_in_a_calendar_token_is_a_404(anonymous, hostile_site):
    assert anonymous.get("/calendar/member/%00.ics").status_code == 404


def test_an_api_offset_past_64_bits_is_a_400(anonymous, hostile_site):
    response = anonymous.get(f"{API}?offset={HUGE}")
    assert response.status_code == 400
    assert "offset" in response.json()["message"]


@pytest.mark.parametrize("month", ["9999-12", "0001-01", "99999999999999999999-1"])
def test_a_month_out_of_range_is_a_400(anonymous, hostile_site, month):
    assert anonymous.get(f"/events/?view=month&month={month}").status_code == 400


def test_a_huge_time_zone_name_is_a_400(anonymous, hostile_site):
    assert anonymous.get("/events/?tz=" + "a" * 1500).status_code == 400


SEARCHES = ["/search/", "/library/"]


@pytest.mark.parametrize("url", SEARCHES)
@pytest.mark.parametrize("query", ['"', "'\"<script>"])
def test_search_syntax_is_plain_text(anonymous, hostile_site, url, query):
    response = anonymous.get(url, {"q": query})
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("/search/", "Permit tracker"),
        ("/library/", "Permit tracker"),
        ("/search/", "Permit backlogs"),
    ],
)
def test_a_stray_quote_still_finds_the_words(index_updates, anonymous, hostile_site, url, title):
    response = anonymous.get(url, {"q": 'permit"'})
    assert response.status_code == 200
    # The site search marks the words found: <mark>Permit</mark> tracker.
    assert title in re.sub(r"</?mark>", "", response.content.decode())


@pytest.mark.parametrize(
    "backend",
    [
        {"default": {"BACKEND": "wagtail.search.backends.database"}},
        {"default": {"BACKEND": "civic_wagtail.search_backend"}},
    ],
    ids=["wagtail-backend", "plain-terms-backend"],
)
@pytest.mark.parametrize("url", SEARCHES)
def test_package_searches_need_no_particular_backend(
    index_updates, anonymous, hostile_site, url, backend
):
    with override_settings(WAGTAILSEARCH_BACKENDS=backend):
        assert anonymous.get(url, {"q": '"'}).status_code == 200
        assert "Permit" in anonymous.get(url, {"q": "permit"}).content.decode()


@pytest.mark.parametrize(
    "url", ["/admin/documents/", "/admin/snippets/civic_wagtail_library/indicator/"]
)
def test_admin_searches_take_a_stray_quote(index_updates, admin_client_500, hostile_site, url):
    response = admin_client_500.get(url, {"q": '"'})
    assert response.status_code == 200
    found = admin_client_500.get(url, {"q": 'permit"'}).content.decode()
    assert "Permit" in found


def test_the_api_search_takes_a_stray_quote(index_updates, anonymous, hostile_site):
    response = anonymous.get(API, {"search": 'permit"'})
    assert response.status_code == 200
    assert [item["title"] for item in response.json()["items"]] == ["Permit tracker"]
    assert anonymous.get(API, {"search": '"'}).json()["items"] == []


@pytest.mark.parametrize(
    "url",
    [
        f"/members/{HUGE}/",
        f"/forum/permits/{HUGE}/",
        f"{API}{HUGE}/",
        f"/discussion/comments/{HUGE}/like/",
        f"/discussion/threads/{HUGE}/report/",
    ],
)
def test_a_huge_id_in_a_path_is_a_404(anonymous, hostile_site, url):
    assert anonymous.get(url).status_code == 404


def test_a_huge_event_id_is_a_404_for_a_member(anonymous, hostile_site):
    anonymous.force_login(hostile_site["author"])
    response = anonymous.post(f"/calendar/attend/{HUGE}/", {"action": "register"})
    assert response.status_code == 404
