"""The "Subscribe" control on the calendar, event pages and topic pages: webcal, Google,
Outlook and the plain URL, all on the Wagtail Site's host."""

import html
from urllib.parse import quote

import pytest
from wagtail.models import Site

from tests.discussion.helpers import make_forum
from tests.factories import TopicFactory

from .helpers import make_event, make_index

pytestmark = pytest.mark.django_db

HOST = "http://calendar.example.gov:8000"


@pytest.fixture
def site(home_page):
    Site.objects.filter(is_default_site=True).update(hostname="calendar.example.gov", port=8000)


def links(content, path):
    text = html.unescape(content.decode())
    feed = HOST + path
    webcal = "webcal://" + feed.split("://", 1)[1]
    return {
        "webcal": f'href="{webcal}"' in text,
        "google": f'href="https://calendar.google.com/calendar/r?cid={quote(webcal, safe="")}"'
        in text,
        "outlook": "href=\"https://outlook.live.com/calendar/0/addfromweb?url="
        + quote(feed, safe="") in text,
        "plain": f'value="{feed}"' in text,
    }


def test_calendar_event_and_topic_pages_offer_a_subscription(client, home_page, site):
    permits = TopicFactory(slug="permits", name="Permits")
    index = make_index(home_page)
    event = make_event(index, topics=[permits])
    _forums, forum = make_forum(home_page, permits)
    expected = {"webcal": True, "google": True, "outlook": True, "plain": True}
    assert links(client.get(index.url).content, "/events/feed/") == expected
    assert links(client.get(index.url + "?topic=permits").content,
                 "/events/feed/?topic=permits") == expected
    assert links(client.get(event.url).content, event.url + "ical/") == expected
    assert links(client.get(forum.url).content, "/calendar/topics/permits.ics") == expected
