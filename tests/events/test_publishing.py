"""Publishing renders the stored blocks; every change purges the affected feed URLs."""

from datetime import time

import pytest
from django.test import override_settings
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import PageViewRestriction

from civic_wagtail.events.models import EventFeedEntry, FeedStamp
from tests.events.helpers import make_event, make_index, republish
from tests.factories import TopicFactory

pytestmark = pytest.mark.django_db

PURGED = []


class RecordingBackend(BaseBackend):
    """A frontend cache that writes down what it was asked to purge."""

    def purge(self, url):
        PURGED.append(url)

    def purge_batch(self, urls):
        PURGED.extend(urls)


@pytest.fixture
def purged(django_capture_on_commit_callbacks):
    PURGED.clear()
    cache = {"recorder": {"BACKEND": "tests.events.test_publishing.RecordingBackend"}}
    with override_settings(WAGTAILFRONTENDCACHE=cache, WAGTAILFRONTENDCACHE_LANGUAGES=[]):
        yield PURGED


@pytest.fixture
def index(home_page):
    return make_index(home_page)


def run(capture, action):
    with capture(execute=True):
        return action()


def test_publish_purges_every_feed_the_event_is_in(
    index, purged, django_capture_on_commit_callbacks
):
    permits = TopicFactory(slug="permits")
    run(
        django_capture_on_commit_callbacks,
        lambda: make_event(index, slug="clinic", topics=[permits]),
    )
    base = "http://localhost"
    expected = {
        f"{base}/calendar/all.ics",
        f"{base}/calendar/topics/permits.ics",
        f"{base}/events/clinic/ical/",
        f"{base}/events/feed/",
        f"{base}/events/feed/?topic=permits",
        f"{base}/events/feed/?type=webinar",
        f"{base}/events/feed/?format=in_person",
        f"{base}/events/feed/?topic=permits&type=webinar",
        f"{base}/events/feed/?format=in_person&topic=permits",
        f"{base}/events/feed/?format=in_person&type=webinar",
        f"{base}/events/feed/?format=in_person&topic=permits&type=webinar",
    }
    assert expected <= set(purged)


def test_a_change_of_topic_purges_the_old_and_new_topic_feeds(
    index, purged, django_capture_on_commit_callbacks
):
    old, new = TopicFactory(slug="old"), TopicFactory(slug="new")
    page = make_event(index, slug="clinic", topics=[old])
    purged.clear()

    def change():
        page.topics.set([new])
        republish(page)

    run(django_capture_on_commit_callbacks, change)
    assert "http://localhost/calendar/topics/old.ics" in purged
    assert "http://localhost/calendar/topics/new.ics" in purged
    entry = EventFeedEntry.objects.get(page=page)
    assert "http://localhost/calendar/topics/old.ics" not in entry.feed_urls


def test_unpublish_and_privacy_purge_and_bump_the_feed_version(
    index, purged, django_capture_on_commit_callbacks
):
    page = make_event(index, slug="clinic")
    site_key = next(key for key in EventFeedEntry.objects.get(page=page).feed_scopes
                    if key.startswith("site:"))
    before = FeedStamp.objects.get(key=site_key)
    purged.clear()
    run(django_capture_on_commit_callbacks, page.unpublish)
    assert "http://localhost/calendar/all.ics" in purged
    after = FeedStamp.objects.get(key=site_key)
    assert after.version == before.version + 1 and after.changed_at >= before.changed_at

    page = republish(page)
    purged.clear()
    run(
        django_capture_on_commit_callbacks,
        lambda: PageViewRestriction.objects.create(
            page=index, restriction_type=PageViewRestriction.LOGIN
        ),
    )
    assert "http://localhost/events/clinic/ical/" in purged


def test_stored_block_is_rendered_at_publish_not_at_request(index, client):
    page = make_event(index, slug="clinic")
    entry = EventFeedEntry.objects.get(page=page)
    assert entry.vevent.startswith("BEGIN:VEVENT\r\n")
    assert entry.tzids == ["Europe/Paris"]
    assert entry.uid == page.uid
    # Saving a draft does not touch the stored block.
    page.start_time = time(8)
    page.save_revision()
    assert EventFeedEntry.objects.get(page=page).vevent == entry.vevent


def test_an_ancestors_slug_change_rewrites_the_stored_urls_and_purges_the_feeds(
    index, purged, django_capture_on_commit_callbacks
):
    page = make_event(index, slug="clinic")
    assert "/events/clinic/" in EventFeedEntry.objects.get(page=page).vevent
    purged.clear()
    index.slug = "calendar"
    run(django_capture_on_commit_callbacks, lambda: index.save_revision().publish())
    vevent = EventFeedEntry.objects.get(page=page).vevent.replace("\r\n ", "")
    assert "/calendar/clinic/" in vevent and "/events/clinic/" not in vevent
    assert any(url.endswith("/calendar/feed/") for url in purged), purged
    assert any(url.endswith("/calendar/all.ics") for url in purged), purged
