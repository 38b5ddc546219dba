"""Bulk creation of live events with their stored feed entries (demo, benchmarks, tests).

Builds on :func:`civic_wagtail.bulk.bulk_add_children`: the pages are inserted with a few
statements per batch, then each event's VEVENT block is rendered exactly as publishing would
render it (:func:`civic_wagtail.events.ical.render_event`) and stored in one bulk insert.
Not for content that editors create: no revisions, no search indexing, no cache purge.
"""

from django.db import transaction
from django.utils import timezone

from civic_wagtail.bulk import bulk_add_children

from .ical import render_event
from .models import EventFeedEntry
from .publishing import fingerprint


@transaction.atomic
def bulk_add_events(index, pages, stamp=None, batch_size=1000):
    """Add ``pages`` (unsaved ``EventPage`` instances) as live children of ``index``.

    Topics given with ``page.topics.set([...])`` before the call become the entries'
    categories. ``stamp`` (default: now) is the publication date of every page and entry.
    Returns ``pages`` with primary keys.
    """
    stamp = stamp or timezone.now()
    topics = {}
    for page in pages:
        page.update_span()
        page.first_published_at = page.first_published_at or stamp
        page.last_published_at = page.last_published_at or stamp
        # Read the in-memory topics now: once the page has a key they come from the database.
        topics[id(page)] = [t.name for t in page.topics.all()]
    bulk_add_children(index, pages, batch_size=batch_size)
    base_url = index.get_full_url()
    entries = []
    for page in pages:
        # Bulk-created pages have no occurrence changes yet: skip the per-page query.
        page._prefetched_objects_cache = {"occurrence_changes": []}
        url = f"{base_url}{page.slug}/" if base_url else None
        text, tzids = render_event(page, url, stamp, 0, topics[id(page)])
        entries.append(
            EventFeedEntry(
                page=page,
                uid=page.uid,
                fingerprint=fingerprint(page),
                vevent=text,
                tzids=tzids,
                published_at=stamp,
            )
        )
    EventFeedEntry.objects.bulk_create(entries, batch_size=batch_size)
    return pages
