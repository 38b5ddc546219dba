"""Builders of calendar pages and events for the events tests."""

from datetime import date, time

from icalendar import Calendar

from civic_wagtail.events.bulk import bulk_add_events
from civic_wagtail.events.models import EventIndexPage, EventPage


def make_index(parent, slug="events", title="Events", **fields):
    index = EventIndexPage(title=title, slug=slug, **fields)
    parent.add_child(instance=index)
    index.save_revision().publish()
    return index


EVENT_DEFAULTS = {
    "event_type": "webinar",
    "event_format": "in_person",
    "start_date": date(2030, 3, 5),
    "start_time": time(10, 0),
    "end_date": date(2030, 3, 5),
    "end_time": time(11, 30),
    "time_zone": "Europe/Paris",
    "venue": "City Hall",
    "description": "Learn about permits.",
}


def make_event(index, title="Permit clinic", publish=True, topics=(), changes=(), **fields):
    """An event under ``index``, published (through a revision) unless ``publish=False``."""
    values = {**EVENT_DEFAULTS, **fields}
    values.setdefault("slug", None)
    page = EventPage(title=title, **{k: v for k, v in values.items() if v is not None})
    index.add_child(instance=page)
    if topics:
        page.topics.set(topics)
    for change in changes:
        page.occurrence_changes.create(**change)
    revision = page.save_revision()
    if publish:
        revision.publish()
    else:
        page.unpublish() if page.live else None
    return EventPage.objects.get(pk=page.pk)


def bulk_events(index, count, title="Bulk", topics=(), **fields):
    """``count`` live events under ``index`` through the package's bulk builder (for the large
    size of query-count tests): a few queries per thousand events instead of ~110 per event."""
    values = {**EVENT_DEFAULTS, **fields}
    pages = []
    for i in range(count):
        page = EventPage(title=f"{title} {i}", slug=f"{title.lower()}-{i}", **values)
        page.topics.set(list(topics))
        pages.append(page)
    return bulk_add_events(index, pages)


def republish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return EventPage.objects.get(pk=page.pk)


def parse(response_or_bytes):
    body = getattr(response_or_bytes, "content", response_or_bytes)
    return Calendar.from_ical(body)


def vevents(response_or_bytes):
    return parse(response_or_bytes).walk("VEVENT")
