"""The calendar page in a browser: filter by topic, times in the event's zone, axe clean."""

from datetime import time, timedelta

import pytest
from django.utils import timezone

from tests.browser.axe import assert_accessible
from tests.events.helpers import make_event, make_index
from tests.factories import TopicFactory


@pytest.fixture
def calendar(transactional_db, home_page):
    index = make_index(home_page, intro="Community events.")
    permits = TopicFactory(slug="permits", name="Permits")
    day = (timezone.now() + timedelta(days=7)).date()
    make_event(
        index,
        title="Permit clinic in Sydney",
        slug="sydney",
        topics=[permits],
        time_zone="Australia/Sydney",
        start_date=day,
        end_date=day,
        start_time=time(18, 30),
        end_time=time(20),
    )
    make_event(
        index,
        title="Waste data meetup",
        slug="waste",
        time_zone="Europe/London",
        start_date=day,
        end_date=day,
        start_time=time(9),
        end_time=time(10),
    )
    return index


def test_calendar_filters_by_topic_and_shows_event_zone(page, live_server, calendar):
    page.goto(live_server.url + "/events/")
    assert page.locator("h1").inner_text() == "Events"
    cards = page.locator(".cw-ev-card")
    assert cards.count() == 2
    sydney = cards.filter(has_text="Permit clinic in Sydney")
    assert "18:30 – 20:00" in sydney.inner_text()
    assert "Australia/Sydney" in sydney.inner_text()
    assert_accessible(page)

    page.select_option("#id_topic", "permits")
    page.locator("form.cw-filters button[type=submit]").click()
    page.wait_for_load_state()
    assert "topic=permits" in page.url
    assert page.locator(".cw-ev-card").count() == 1
    assert "Waste data meetup" not in page.content()
    feeds = page.locator('link[rel="alternate"][type="text/calendar"]')
    # The filtered calendar's own feed, then the whole site's feed in the page's language.
    assert feeds.nth(0).get_attribute("href") == "/events/feed/?topic=permits"
    assert feeds.nth(1).get_attribute("href") == "/calendar/all.ics"

    page.select_option("#id_tz", "Europe/London")
    page.locator("form.cw-filters button[type=submit]").click()
    page.wait_for_load_state()
    assert "Your time:" in page.locator(".cw-ev-card").inner_text()
    assert_accessible(page)


def test_event_page_is_accessible(page, live_server, calendar):
    page.goto(live_server.url + "/events/sydney/")
    assert "Australia/Sydney" in page.locator(".cw-ev-when").inner_text()
    assert page.get_by_role("link", name="Google Calendar", exact=True).count() == 1
    assert_accessible(page)
    page.goto(live_server.url + "/events/?view=month")
    assert_accessible(page)
