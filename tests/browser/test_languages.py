"""French, Spanish and right-to-left pages in a browser at 375 and 1280 px (issue 14): axe finds
no serious violation, nothing scrolls sideways, ``<html lang>`` and ``dir`` are right."""

from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Locale

from civic_wagtail.discussion.models import ForumIndexPage, ForumTopicPage, Thread
from tests.browser.axe import assert_accessible
from tests.events.helpers import make_event, make_index
from tests.factories import TopicFactory, member
from tests.library.helpers import library_index, practice

pytestmark = pytest.mark.django_db(transaction=True)


def translated(page, locale):
    copy = page.copy_for_translation(locale, copy_parents=True)
    copy.save_revision().publish()
    return copy.specific_class.objects.get(pk=copy.pk)


@pytest.fixture
def world(home_page):
    """Home, library, practice, event and thread pages with French and Spanish versions."""
    topic = TopicFactory(name="Permits", slug="permits")
    library = library_index(home_page)
    tracker = practice(library, "Online permit tracker", slug="tracker", topics=[topic])
    day = (timezone.now() + timedelta(days=5)).date()
    event = make_event(make_index(home_page), "Permit clinic", slug="clinic", start_date=day,
                       end_date=day, topics=[topic])
    forum_index = home_page.add_child(instance=ForumIndexPage(title="Forums", slug="forum"))
    forum = forum_index.add_child(instance=ForumTopicPage(title="Permits", slug="permits"))
    thread = Thread.objects.create(
        forum=forum, title="How do you handle permit backlogs?", body="Ideas **welcome**.",
        author=member(username="sam"),
    )
    urls = {}
    for code in ("fr", "es"):
        locale = Locale.objects.get_or_create(language_code=code)[0]
        # Parents first: copy_parents only copies the parents that have no translation yet.
        pages = (home_page, library, tracker, event)
        urls[code] = [translated(page, locale).url for page in pages]
        urls[code].append(f"{translated(forum, locale).url}{thread.pk}/")
    return urls


@pytest.mark.parametrize("code", ["fr", "es"])
def test_french_and_spanish_pages_are_accessible_and_fit(page, live_server, world, code):
    for path in world[code]:
        assert path.startswith(f"/{code}/"), path
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        assert page.locator("html").get_attribute("lang") == code, path
        assert page.locator("html").get_attribute("dir") == "ltr"
        assert page.evaluate(
            "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
        ), path
        assert_accessible(page)
    # The switcher leads to the other languages' version of the same page.
    assert page.locator('.language-switcher a[hreflang="en"]').count() == 1


ARABIC = [("ar", "العربية"), ("en", "English"), ("fr", "Français"), ("es", "Español")]


@override_settings(LANGUAGE_CODE="ar", LANGUAGES=ARABIC, WAGTAIL_CONTENT_LANGUAGES=ARABIC)
def test_a_right_to_left_language_renders_rtl_without_overflow(page, live_server, home_page):
    """No Arabic catalogue: the interface stays in English, but the layout must mirror."""
    Locale.objects.get_or_create(language_code="ar")
    response = page.goto(live_server.url + "/accounts/login/")
    assert response.status == 200
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
