"""Feed validators come from per-scope version stamps: a change moves exactly the feeds the
event is (or was) in, a matching conditional request never renders, bodies are windowed and
compressed, and feeds exist only in the languages the site has."""

import gzip
from datetime import date, time, timedelta

import pytest
from django.apps import apps
from django.test import override_settings
from wagtail.models import Locale

from civic_wagtail.events import stamps
from civic_wagtail.events.feeds import EventFeed
from civic_wagtail.events.models import (
    CalendarToken,
    EventAttendance,
    EventFeedEntry,
    EventPage,
)
from tests.events.helpers import make_event, make_index, republish, vevents
from tests.factories import TopicFactory, member

pytestmark = pytest.mark.django_db

DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


@pytest.fixture
def world(home_page):
    """Two calendars, two topics, an event in each and a follower of each."""
    permits = TopicFactory(slug="permits", name="Permits")
    water = TopicFactory(slug="water", name="Water")
    first = make_index(home_page, slug="events", title="Events")
    second = make_index(home_page, slug="workshops", title="Workshops")
    clinic = make_event(first, title="Permit clinic", slug="clinic", topics=[permits])
    pumps = make_event(second, title="Pump day", slug="pumps", topics=[water])
    alice, bob = member(username="alice"), member(username="bob")
    EventAttendance.objects.create(user=alice, page=clinic, kind="registered")
    EventAttendance.objects.create(user=bob, page=pumps, kind="following")
    feeds = {
        "site": "/calendar/all.ics",
        "permits": "/calendar/topics/permits.ics",
        "water": "/calendar/topics/water.ics",
        "events": "/events/feed/",
        "workshops": "/workshops/feed/",
        "clinic": "/events/clinic/ical/",
        "pumps": "/workshops/pumps/ical/",
        "alice": f"/calendar/member/{CalendarToken.for_user(alice).token}.ics",
        "bob": f"/calendar/member/{CalendarToken.for_user(bob).token}.ics",
    }
    return {
        "feeds": feeds,
        "first": first,
        "second": second,
        "clinic": clinic,
        "pumps": pumps,
        "permits": permits,
    }


def etags(client, feeds):
    found = {}
    for name, url in feeds.items():
        response = client.get(url)
        found[name] = response.get("ETag") if response.status_code == 200 else response.status_code
    return found


def changed(client, world, action):
    before = etags(client, world["feeds"])
    action()
    after = etags(client, world["feeds"])
    return {name for name in before if before[name] != after[name]}


def test_publishing_a_new_event_changes_only_the_feeds_it_joins(client, world):
    action = lambda: make_event(world["first"], slug="new", topics=[world["permits"]])  # noqa: E731
    assert changed(client, world, action) == {"site", "permits", "events"}


def test_unpublishing_changes_the_feeds_it_leaves_and_its_followers(client, world):
    assert changed(client, world, world["clinic"].unpublish) == {
        "site",
        "permits",
        "events",
        "clinic",
        "alice",
    }


def test_moving_changes_both_calendars_and_the_feeds_whose_urls_change(client, world):
    def move():
        EventPage.objects.get(pk=world["clinic"].pk).move(world["second"], pos="last-child")

    # The site, topic and personal feeds carry the event's URL, which moved with it.
    assert changed(client, world, move) == {
        "site",
        "permits",
        "events",
        "workshops",
        "clinic",
        "alice",
    }
    feed = client.get("/workshops/feed/")
    assert {str(e["URL"]) for e in vevents(feed)} >= {"http://localhost/workshops/clinic/"}


def test_deleting_changes_the_feeds_it_was_in(client, world):
    assert changed(client, world, EventPage.objects.get(pk=world["pumps"].pk).delete) == {
        "site",
        "water",
        "workshops",
        "pumps",
        "bob",
    }


def test_an_occurrence_change_changes_the_event_feeds_only(client, world):
    def cancel_one():
        page = EventPage.objects.get(pk=world["clinic"].pk)
        page.repeat, page.repeat_count = "weekly", 4
        page.repeat_weekdays = [DAYS[page.start_date.weekday()]]
        republish(page)
        page = EventPage.objects.get(pk=page.pk)
        page.occurrence_changes.create(
            original_date=page.start_date + timedelta(days=7), action="cancel"
        )
        page.save_revision().publish()

    assert changed(client, world, cancel_one) == {"site", "permits", "events", "clinic", "alice"}


def test_a_slug_change_of_an_ancestor_renders_the_urls_again(
    client, world, django_capture_on_commit_callbacks
):
    def rename():
        calendar = world["first"]
        calendar.slug = "calendar"
        with django_capture_on_commit_callbacks(execute=True):  # Wagtail signals on commit
            calendar.save_revision().publish()

    assert "permits" in changed(client, world, rename)
    entry = EventFeedEntry.objects.get(page=world["clinic"])
    assert "http://localhost/calendar/clinic/" in entry.vevent


def test_attending_changes_only_that_members_feed(client, world):
    action = lambda: EventAttendance.objects.create(  # noqa: E731
        user=world["clinic"].attendance.get().user, page=world["pumps"], kind="following"
    )
    assert changed(client, world, action) == {"alice"}


def test_a_topic_feed_keeps_its_date_when_another_topics_event_is_published(client, world):
    water = client.get(world["feeds"]["water"])
    make_event(world["first"], slug="later", topics=[world["permits"]])
    again = client.get(world["feeds"]["water"])
    assert again["Last-Modified"] == water["Last-Modified"]
    assert again["ETag"] == water["ETag"]


@pytest.mark.parametrize("method", ["conditional", "head"])
def test_validators_never_render(client, world, monkeypatch, django_assert_num_queries, method):
    url = world["feeds"]["permits"]
    etag = client.get(url)["ETag"]

    def refuse(*args, **kwargs):
        raise AssertionError("the feed was rendered")

    monkeypatch.setattr(EventFeed, "render", refuse)
    monkeypatch.setattr(EventFeed, "entries", refuse)
    with django_assert_num_queries(4):  # site, locale, topic, stamp
        if method == "head":
            response = client.head(url)
        else:
            response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == (200 if method == "head" else 304)
    assert response["ETag"] == etag and response.content == b""


def test_gzip_has_its_own_etag_and_the_same_calendar(client, world):
    url = world["feeds"]["site"]
    plain = client.get(url)
    packed = client.get(url, HTTP_ACCEPT_ENCODING="br, gzip;q=0.8")
    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert packed["ETag"] != plain["ETag"]
    assert gzip.decompress(packed.content) == plain.content
    assert int(packed["Content-Length"]) == len(packed.content) < len(plain.content)
    again = client.get(url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=packed["ETag"])
    assert again.status_code == 304
    refused = client.get(url, HTTP_ACCEPT_ENCODING="gzip;q=0")
    assert "Content-Encoding" not in refused and refused.content == plain.content


def _dated(index, slug, start, **fields):
    return make_event(
        index,
        title=slug,
        slug=slug,
        start_date=start,
        end_date=start,
        start_time=time(10),
        end_time=time(11),
        time_zone="UTC",
        **fields,
    )


@pytest.fixture
def history(home_page):
    index = make_index(home_page)
    today = date.today()
    _dated(index, "long-ago", today - timedelta(days=400))
    _dated(index, "recent", today - timedelta(days=100))
    _dated(index, "soon", today + timedelta(days=10))
    # A series that began two years ago and goes on: it stays whole, first date included.
    weekday = DAYS[(today - timedelta(days=730)).weekday()]
    _dated(
        index,
        "weekly",
        today - timedelta(days=730),
        repeat="weekly",
        repeat_weekdays=[weekday],
        repeat_until=today + timedelta(days=60),
    )
    _dated(index, "ended-series", today - timedelta(days=700), repeat="daily", repeat_count=3)
    return index


def test_the_feed_keeps_half_a_year_of_the_past_and_whole_series(client, history):
    events = vevents(client.get("/calendar/all.ics"))
    assert sorted(str(e["SUMMARY"]) for e in events) == ["recent", "soon", "weekly"]
    weekly = next(e for e in events if str(e["SUMMARY"]) == "weekly")
    assert weekly.decoded("DTSTART").date() == date.today() - timedelta(days=730)


@override_settings(CIVIC_WAGTAIL_EVENTS_FEED_PAST_DAYS=None)
def test_the_window_can_be_switched_off(client, history):
    events = vevents(client.get("/calendar/all.ics"))
    assert len(events) == 5


@override_settings(CIVIC_WAGTAIL_EVENTS_FEED_PAST_DAYS=30)
def test_the_window_is_part_of_the_etag(client, history):
    short = client.get("/calendar/all.ics")
    assert sorted(str(e["SUMMARY"]) for e in vevents(short)) == ["soon", "weekly"]
    with override_settings(CIVIC_WAGTAIL_EVENTS_FEED_PAST_DAYS=180):
        assert client.get("/calendar/all.ics")["ETag"] != short["ETag"]


def test_feeds_exist_only_in_the_sites_languages(client, home_page):
    make_index(home_page)
    assert client.get("/calendar/fr/all.ics").status_code == 404  # configured, no locale yet
    Locale.objects.create(language_code="fr")
    assert client.get("/calendar/fr/all.ics").status_code == 200
    Locale.objects.create(language_code="de")  # a locale row, but not a site language
    assert client.get("/calendar/de/all.ics").status_code == 404
    assert client.get("/calendar/de/topics/anything.ics").status_code == 404


def test_calendar_pages_advertise_the_site_feed_only_in_a_site_language(client, home_page):
    from civic_wagtail.events.listing import site_feed_url

    index = make_index(home_page)
    head = client.get(index.url).content.decode().split("</head>")[0]
    assert 'type="text/calendar" title="Every event of the site" href="/calendar/all.ics"' in head
    assert site_feed_url(Locale.objects.create(language_code="fr")) == "/calendar/fr/all.ics"
    assert site_feed_url(Locale.objects.create(language_code="de")) is None


def test_bulk_built_events_record_their_scopes_and_change_the_feeds(client, world):
    from tests.events.helpers import bulk_events

    before = etags(client, world["feeds"])
    (page,) = bulk_events(world["first"], 1, topics=[world["permits"]])
    entry = EventFeedEntry.objects.get(page=page)
    assert sorted(entry.feed_scopes) == sorted(stamps.structural_scopes(page))
    after = etags(client, world["feeds"])
    assert {name for name in before if before[name] != after[name]} == {
        "site",
        "permits",
        "events",
    }


def test_the_migration_records_the_same_scopes_as_publishing(world):
    from importlib import import_module

    migration = import_module("civic_wagtail.events.migrations.0002_feed_stamps")
    published = {
        entry.page_id: sorted(entry.feed_scopes) for entry in EventFeedEntry.objects.all()
    }
    EventFeedEntry.objects.update(feed_scopes=[])
    migration.record_scopes(apps, None)
    recorded = {
        entry.page_id: sorted(entry.feed_scopes) for entry in EventFeedEntry.objects.all()
    }
    assert recorded == published
    clinic = world["clinic"]
    site_id = clinic.get_site().pk
    assert stamps.site_scope(site_id, "en") in recorded[clinic.pk]
    assert stamps.topic_scope(site_id, "permits", "en") in recorded[clinic.pk]
