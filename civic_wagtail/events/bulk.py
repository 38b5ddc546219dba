"""Bulk creation of live events with their stored feed entries (demo, benchmarks, tests).

Builds on :func:`civic_wagtail.bulk.bulk_add_children`: the pages are inserted with a few
statements per batch, then each event's VEVENT block is rendered exactly as publishing would
render it (:func:`civic_wagtail.events.ical.render_event`) and stored in one bulk insert.
Not for content that editors create: no revisions, no search indexing, no cache purge.
"""

from django.db import transaction
from django.utils import timezone

from civic_wagtail.bulk import bulk_add_children

from . import stamps
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
        topics[id(page)] = [(t.name, t.slug) for t in page.topics.all()]
    bulk_add_children(index, pages, batch_size=batch_size)
    base_url = index.get_full_url()
    # Every page shares the index's sites and language: the scopes differ only by topic.
    lang = index.locale.language_code
    site_ids = stamps.sites_of(index)
    entries, bumped = [], {stamps.calendar_scope(index.pk)}
    for page in pages:
        # Bulk-created pages have no occurrence changes yet: skip the per-page query.
        page._prefetched_objects_cache = {"occurrence_changes": []}
        url = f"{base_url}{page.slug}/" if base_url else None
        text, tzids = render_event(page, url, stamp, 0, [name for name, _ in topics[id(page)]])
        scopes = [stamps.event_scope(page.pk), stamps.calendar_scope(index.pk)]
        for site_id in site_ids:
            scopes.append(stamps.site_scope(site_id, lang))
            scopes += [stamps.topic_scope(site_id, slug, lang) for _, slug in topics[id(page)]]
        bumped.update(scopes[1:])
        entries.append(
            EventFeedEntry(
                page=page,
                uid=page.uid,
                fingerprint=fingerprint(page),
                vevent=text,
                tzids=tzids,
                published_at=stamp,
                feed_scopes=scopes,
            )
        )
    EventFeedEntry.objects.bulk_create(entries, batch_size=batch_size)
    stamps.bump(bumped)  # feeds served before now change their ETag
    return pages
