"""Consultation dates in the events app's calendar feeds (hook civic_wagtail_calendar_items)."""

import pytest
from icalendar import Calendar

from tests.factories import TopicFactory

from .helpers import consultation, consultation_index, publish

pytestmark = pytest.mark.django_db


def _events(response):
    return list(Calendar.from_ical(response.content).walk("VEVENT"))


def test_site_and_topic_feeds_carry_opening_and_closing(client, home_page):
    topic = TopicFactory(slug="transport", name="Transport")
    index = consultation_index(home_page)
    page = consultation(index, title="Cycle lanes", topics=[topic])
    consultation(index, title="Bins")
    events = _events(client.get("/calendar/all.ics"))
    summaries = sorted(str(e["SUMMARY"]) for e in events)
    assert summaries == [
        "Consultation closes: Bins",
        "Consultation closes: Cycle lanes",
        "Consultation opens: Bins",
        "Consultation opens: Cycle lanes",
    ]
    opening = next(e for e in events if str(e["SUMMARY"]) == "Consultation opens: Cycle lanes")
    assert opening.decoded("DTSTART") == page.opens_utc
    assert str(opening["URL"]) == "http://localhost/consultations/cycle-lanes/"
    topical = _events(client.get("/calendar/topics/transport.ics"))
    assert {str(e["SUMMARY"]) for e in topical} == {
        "Consultation opens: Cycle lanes",
        "Consultation closes: Cycle lanes",
    }


def test_the_feed_changes_its_etag_when_a_consultation_moves(client, home_page):
    page = consultation(consultation_index(home_page))
    first = client.get("/calendar/all.ics")
    again = client.get("/calendar/all.ics", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    page.closes_at = page.closes_at.replace(hour=12)
    publish(page)
    moved = client.get("/calendar/all.ics", HTTP_IF_NONE_MATCH=first["ETag"])
    assert moved.status_code == 200 and moved["ETag"] != first["ETag"]


def test_unpublished_consultations_stay_out(client, home_page):
    page = consultation(consultation_index(home_page))
    page.unpublish()
    assert not _events(client.get("/calendar/all.ics"))
