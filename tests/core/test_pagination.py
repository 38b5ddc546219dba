"""One paginator and one include for every listing: bad page numbers never cost a 500."""

import re

import pytest
from django.db import transaction
from django.http import Http404
from django.template import Context, Template
from django.test import RequestFactory, override_settings

from civic_wagtail.pagination import page_number, paginate
from tests.conftest import index_updates_on, make_home_page
from tests.discussion.helpers import make_forum
from tests.factories import TopicFactory, member

rf = RequestFactory()
BAD_VALUES = ["abc", "1.5", "-1", " 2", "\x00", "٣", "2" * 40, ""]


@pytest.mark.parametrize("value", [*BAD_VALUES, None])
def test_a_value_that_is_not_a_page_number_is_page_one(value):
    assert page_number(value) == 1


def test_page_numbers():
    assert page_number("3") == 3
    assert page_number(4) == 4


@pytest.mark.parametrize("value", BAD_VALUES)
def test_paginate_shows_the_first_page_for_a_bad_value(value):
    page = paginate(rf.get("/", {"page": value}), list(range(50)), 10)
    assert page.number == 1


@pytest.mark.parametrize("value", ["6", "0", "999999999"])
def test_a_page_past_the_end_is_a_404(value):
    with pytest.raises(Http404):
        paginate(rf.get("/", {"page": value}), list(range(50)), 10)


def test_an_empty_listing_has_a_first_page():
    page = paginate(rf.get("/"), [], 10)
    assert page.number == 1 and not page.has_other_pages()


def test_default_size_is_the_page_size_setting():
    with override_settings(CIVIC_WAGTAIL_PAGE_SIZE=7):
        assert len(paginate(rf.get("/"), list(range(50))).object_list) == 7


def test_neighbour_links_keep_other_parameters_and_drop_the_asked_ones():
    request = rf.get("/", {"q": "permit", "topic": ["a", "b"], "comments": "2", "reply_to": "9"})
    page = paginate(request, list(range(50)), 10, param="comments", drop=("reply_to",))
    assert page.number == 2
    assert page.next_query.urlencode() == "q=permit&topic=a&topic=b&comments=3"
    # The first page has one URL: without the parameter.
    assert page.previous_query.urlencode() == "q=permit&topic=a&topic=b"


def render(page, request, **extra):
    template = Template(
        '{% include "civic_wagtail/includes/pagination.html" with label=label anchor=anchor %}'
    )
    context = Context({"page_obj": page, "request": request, "label": "", "anchor": "", **extra})
    return template.render(context)


def test_the_include_is_an_accessible_nav_that_keeps_the_query():
    request = rf.get("/practices/", {"topic": "permits", "page": "2"})
    html = render(paginate(request, list(range(50)), 10), request, label="Pages of results")
    assert '<nav class="cw-pagination" aria-label="Pages of results">' in html
    assert '<span aria-current="page">Page 2 of 5</span>' in html
    assert 'href="?topic=permits" rel="prev"' in html
    assert 'href="?topic=permits&amp;page=3" rel="next"' in html


def test_the_include_links_the_first_page_without_a_query():
    request = rf.get("/", {"page": "2"})
    html = render(paginate(request, list(range(20)), 10), request, anchor="#discussion")
    assert 'href="?#discussion" rel="prev"' in html
    assert 'aria-label="Pages"' in html
    assert "rel=\"next\"" not in html


def test_one_page_renders_nothing():
    request = rf.get("/")
    assert render(paginate(request, list(range(5)), 10), request).strip() == ""


# Every public listing goes through the helper: a bad value is page 1, a page past the end 404.


@pytest.fixture(scope="module")
def listings(django_db_setup, django_db_blocker):
    """One page of each paginated listing, and the query parameter each one filters by.

    Built once for the module, search-indexed, in a transaction rolled back after it; the tests
    take ``db`` too, so each runs in a savepoint (docs/explanation/testing.md).
    """
    with django_db_blocker.unblock(), transaction.atomic():
        with index_updates_on():
            built = _build_listings(make_home_page())
        yield built
        transaction.set_rollback(True)


def _build_listings(home_page):
    from civic_wagtail.discussion.models import Thread
    from civic_wagtail.mentoring.pages import MentoringPage
    from tests.events.helpers import make_index
    from tests.library.helpers import library_index, practice, resource_index

    library = library_index(home_page)
    practice(library, "Permit tracker")
    resource_index(home_page)
    make_index(home_page)
    mentoring = MentoringPage(title="Mentoring", slug="mentoring")
    home_page.add_child(instance=mentoring)
    mentoring.save_revision().publish()
    forums, forum = make_forum(home_page, TopicFactory(slug="permits"))
    author = member(username="pat")
    thread = Thread.objects.create(
        forum=forum, author=author, last_poster=author, title="Permit queues", body="How?"
    )
    return {
        "library": (library.url, {"q": "permit"}),
        "resources": ("/resources/", {"type": "guide"}),
        "search": ("/search/", {"q": "permit", "type": "civic_wagtail_library.bestpracticepage"}),
        "events": ("/events/", {"view": "past"}),
        "mentors": (mentoring.url, {"availability": "any"}),
        "threads": (forum.url, {}),
        "thread": (forum.url + f"{thread.pk}/", {}),
        "thread search": ("/search/", {"q": "permit", "type": "civic_wagtail_discussion.thread"}),
        "home": home_page,
    }


LISTINGS = ["library", "resources", "search", "events", "mentors", "threads", "thread",
            "thread search"]


@pytest.mark.parametrize("name", LISTINGS)
def test_every_listing_survives_a_bad_page_and_404s_past_the_end(db, client, listings, name):
    url, query = listings[name]
    for value in BAD_VALUES:
        response = client.get(url, {**query, "page": value})
        assert response.status_code in (200, 400), (name, value, response.status_code)
        context = response.context or {}  # a 400 from the parameter check has none
        page_obj = context.get("page_obj") or context.get("threads") or context.get("results")
        if response.status_code == 200 and hasattr(page_obj, "number"):
            assert page_obj.number == 1
    assert client.get(url, {**query, "page": "50"}).status_code == 404


@override_settings(CIVIC_WAGTAIL_PAGE_SIZE=1)
def test_the_library_listing_uses_the_core_include(index_updates, db, client, listings):
    from tests.library.helpers import practice

    url, query = listings["library"]
    practice(listings["home"].get_children().get(slug="library").specific, "Permit queue")
    html = client.get(url, query).content.decode()
    (nav,) = re.findall(r'<nav class="cw-pagination"[^>]*>.*?</nav>', html, re.S)
    assert 'aria-label="Pages of results"' in nav
    assert 'href="?q=permit&amp;page=2" rel="next"' in nav
