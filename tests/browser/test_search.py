"""The site search in a browser: from the header box on any page to grouped, marked results,
one type's page, and "did you mean"; axe and no sideways scroll at each width."""

import random

import pytest

from civic_wagtail.discussion.bulk import create_comments
from civic_wagtail.discussion.models import Thread
from tests.browser.axe import assert_accessible
from tests.discussion.helpers import make_forum
from tests.events.helpers import make_event, make_index
from tests.factories import TopicFactory, member
from tests.library.helpers import case_study, library_index, practice

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("index_updates")]


def assert_no_sideways_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_search_from_the_header_to_grouped_results(page, live_server, home_page):
    permits = TopicFactory(slug="permits", name="Permits")
    library = library_index(home_page)
    tracker = practice(library, "Online permit tracker", topics=[permits])
    case_study(library, [tracker], topics=[permits], title="Permits in Lyon")
    make_event(make_index(home_page), "Permit clinic", topics=[permits])
    _index, forum = make_forum(home_page, permits)
    author = member(username="vera")
    thread = Thread.objects.create(forum=forum, title="Backlogs", body="Ideas?", author=author)
    create_comments(thread, [author], 1, random.Random(1), ["Permitting took a year."])

    page.goto(live_server.url + "/library/")
    box = page.get_by_role("search", name="Site")
    box.get_by_label("Search the site").fill("permit")
    box.get_by_role("button", name="Search").click()
    page.wait_for_load_state()
    assert "/search/?q=permit" in page.url
    groups = page.locator(".cw-search__group").all_inner_texts()
    assert any(text.startswith("Best practices") for text in groups), groups
    assert any(text.startswith("Forum threads") for text in groups), groups
    assert page.locator("mark").count() >= 3
    assert_accessible(page)
    assert_no_sideways_scroll(page)

    page.get_by_role("navigation", name="Filter by type").get_by_role(
        "link", name="Events"
    ).click()
    page.wait_for_load_state()
    assert page.locator(".cw-search__list h3").all_inner_texts() == ["Permit clinic"]

    page.goto(live_server.url + "/search/?q=permt")
    assert page.get_by_role("link", name="permit").is_visible()
    assert_accessible(page)
    assert_no_sideways_scroll(page)
