"""The library index's results are kept in the cache, for members too, until a publish."""

import pytest
from django.db import connection
from django.test import Client, TestCase, override_settings
from django.test.utils import CaptureQueriesContext

from tests.factories import member
from tests.library.helpers import library_index, new_practice, practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(home_page):
    index = library_index(home_page)
    practice(index, "Permit tracker")
    return index


def listing_queries(queries):
    return [q for q in queries if 'FROM "civic_wagtail_library_bestpracticepage"' in q["sql"]]


def publish(index, title):
    page = new_practice(title, slug=title.lower().replace(" ", "-"))
    index.add_child(instance=page)
    with TestCase.captureOnCommitCallbacks(execute=True):
        page.save_revision().publish()
    return page


@override_settings(CIVIC_WAGTAIL_PAGE_CACHE_SECONDS=600)
@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "member"])
def test_a_publish_invalidates_the_cached_results(library, signed_in):
    client = Client()
    if signed_in:
        client.force_login(member(username="mia"))
    assert "Permit tracker" in client.get(library.url).content.decode()
    with CaptureQueriesContext(connection) as queries:
        again = client.get(library.url)
    # From the cache: the whole page for visitors, the results part for members.
    assert listing_queries(queries.captured_queries) == []
    assert "Permit tracker" in again.content.decode()

    publish(library, "Compost rules")
    fresh = client.get(library.url).content.decode()
    assert "Compost rules" in fresh and "Permit tracker" in fresh
    # Another filter is another entry; each follows the publish.
    assert "Compost rules" in client.get(library.url, {"type": "practice"}).content.decode()


@override_settings(CIVIC_WAGTAIL_PAGE_CACHE_SECONDS=600)
def test_an_unpublish_takes_the_card_away_for_members(library):
    client = Client()
    client.force_login(member(username="mia"))
    page = publish(library, "Compost rules")
    assert "Compost rules" in client.get(library.url).content.decode()
    with TestCase.captureOnCommitCallbacks(execute=True):
        page.unpublish()
    assert "Compost rules" not in client.get(library.url).content.decode()


def test_the_results_are_rendered_each_time_when_the_cache_is_off(library):
    client = Client()
    client.force_login(member(username="mia"))
    client.get(library.url)
    with CaptureQueriesContext(connection) as queries:
        client.get(library.url)
    assert listing_queries(queries.captured_queries)
