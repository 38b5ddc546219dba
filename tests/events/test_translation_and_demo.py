"""Translated calendars carry translated text; the demo seeder is idempotent."""

import random
from io import StringIO

import pytest
from django.core.management.base import OutputWrapper
from wagtail.models import Locale

from civic_wagtail.events.demo import EventsSeeder
from civic_wagtail.events.models import EventFeedEntry, EventPage
from civic_wagtail.seeding import SeedContext
from tests.events.helpers import make_event, make_index, vevents

pytestmark = pytest.mark.django_db


def test_translated_calendar_has_translated_text_and_the_same_uid(client, home_page):
    index = make_index(home_page)
    page = make_event(index, title="Permit clinic", description="Bring your plans.")
    french = Locale.objects.create(language_code="fr")
    translation = page.copy_for_translation(french, copy_parents=True)
    translation.title = "Atelier permis"
    translation.description = "Apportez vos plans."
    translation.save_revision().publish()

    english = vevents(client.get("/calendar/all.ics"))
    assert [str(e["SUMMARY"]) for e in english] == ["Permit clinic"]
    french_feed = client.get("/calendar/fr/all.ics")
    (event,) = vevents(french_feed)
    assert str(event["SUMMARY"]) == "Atelier permis"
    assert str(event["DESCRIPTION"]) == "Apportez vos plans."
    assert str(event["UID"]) == str(english[0]["UID"])
    assert "/fr/events/" in str(event["URL"])
    (fr_page_event,) = vevents(client.get("/fr/events/feed/"))
    assert str(fr_page_event["SUMMARY"]) == "Atelier permis"
    assert client.get("/calendar/xx/all.ics").status_code == 404


def seed(home, topics, events):
    ctx = SeedContext(
        options={"events": events, "no_progress": True},
        stdout=OutputWrapper(StringIO()),
        rng=random.Random(7),
        shared={"home": home, "topics": topics},
    )
    EventsSeeder().seed(ctx)
    return ctx


def test_demo_seeder_creates_series_cancellations_and_zones_once(home_page):
    from tests.factories import TopicFactory

    topics = [TopicFactory() for _ in range(3)]
    seed(home_page, topics, 12)
    count = EventPage.objects.count()
    assert count == 12 + 3
    assert EventPage.objects.exclude(repeat="").count() == 3
    assert EventPage.objects.filter(occurrence_changes__isnull=False).distinct().count() == 1
    assert EventPage.objects.values("time_zone").distinct().count() >= 6
    assert EventFeedEntry.objects.count() == count
    assert home_page.get_children().filter(slug="events").exists()
    seed(home_page, topics, 12)
    assert EventPage.objects.count() == count
