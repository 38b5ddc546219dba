"""What happens when an event is published, changed or unpublished.

Publishing renders the event's VEVENT block(s) once and stores them in
:class:`~civic_wagtail.events.models.EventFeedEntry`; SEQUENCE goes up when a field that
matters to subscribers changed. Every change then purges each feed URL the event appears
(or appeared) in through ``wagtail.contrib.frontend_cache``.
"""

import hashlib
import json
from itertools import product

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils.http import urlencode
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.coreutils import get_supported_content_language_variant

from .ical import render_event

#: Fields whose change makes calendar clients update an event (RFC 5546 2.1.4: time,
#: recurrence, status, place).
SIGNIFICANT_FIELDS = (
    "start_date",
    "start_time",
    "end_date",
    "end_time",
    "all_day",
    "time_zone",
    "status",
    "repeat",
    "repeat_interval",
    "repeat_weekdays",
    "repeat_positions",
    "repeat_until",
    "repeat_count",
    "venue",
    "address",
    "join_url",
)


def fingerprint(page):
    data = {name: str(getattr(page, name)) for name in SIGNIFICANT_FIELDS}
    data["changes"] = sorted(
        (
            str(c.original_date),
            c.action,
            str(c.new_date),
            str(c.new_start_time),
            str(c.new_end_time),
        )
        for c in page.occurrence_changes.all()
    )
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def filter_query(**filters):
    """The canonical query string of a calendar filter: sorted keys, empty values dropped.

    Pages link only to canonical URLs and the feed view redirects others to them, so a
    frontend cache holds one copy per filter and purging it is exact.
    """
    items = sorted((k, v) for k, v in filters.items() if v)
    return urlencode(items)


def _language_prefix(locale):
    # The default locale's code, as Locale.get_default() finds it, without its query.
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return "" if locale.language_code == default else f"{locale.language_code}/"


def site_feed_path(locale, topic_slug=None):
    """Path of the whole-calendar feed (or a topic's) in ``locale``."""
    lang = _language_prefix(locale).rstrip("/")
    if topic_slug:
        if lang:
            return reverse("civic_wagtail_events:topic_feed_lang", args=[lang, topic_slug])
        return reverse("civic_wagtail_events:topic_feed", args=[topic_slug])
    if lang:
        return reverse("civic_wagtail_events:site_feed_lang", args=[lang])
    return reverse("civic_wagtail_events:site_feed")


def feed_urls(page):
    """Absolute URLs of every public feed ``page`` appears in (personal feeds excepted:
    they are ``Cache-Control: private`` and never held by a shared cache)."""
    site = page.get_site()
    if site is None:
        return []
    root = site.root_url
    topics = [t.slug for t in page.topics.all()]
    urls = [root + site_feed_path(page.locale)]
    urls += [root + site_feed_path(page.locale, slug) for slug in topics]
    page_url = page.get_full_url()
    if page_url:
        urls.append(page_url + "ical/")
    index = page.get_parent()
    index_url = index.get_full_url() if index else None
    if index_url:
        for topic, kind, fmt in product(
            [None, *topics], [None, page.event_type], [None, page.event_format]
        ):
            query = filter_query(topic=topic, type=kind, format=fmt)
            urls.append(index_url + "feed/" + (f"?{query}" if query else ""))
    return urls


def render_entry(page):
    """Render and store ``page``'s VEVENT block(s).

    Returns ``(urls, scopes)``: the feed URLs to purge and the feed scopes to bump, each the
    union of where the event was before and where it is now.
    """
    from .models import EventFeedEntry
    from .stamps import structural_scopes

    page = type(page).objects.prefetch_related("occurrence_changes", "topics").get(pk=page.pk)
    with transaction.atomic():
        entry = EventFeedEntry.objects.select_for_update().filter(page=page).first()
        new_print = fingerprint(page)
        old_urls = entry.feed_urls if entry else []
        old_scopes = entry.feed_scopes if entry else []
        if entry is None:
            entry = EventFeedEntry(page=page, sequence=0)
        elif entry.fingerprint != new_print:
            entry.sequence += 1
        urls = feed_urls(page)
        stamp = page.last_published_at
        categories = [t.name for t in page.topics.all()]
        entry.vevent, entry.tzids = render_event(
            page, page.get_full_url(), stamp, entry.sequence, categories
        )
        entry.uid = page.uid
        entry.fingerprint = new_print
        entry.published_at = stamp
        entry.feed_urls = urls
        entry.feed_scopes = structural_scopes(page)
        entry.save()
    return sorted(set(old_urls) | set(urls)), sorted(set(old_scopes) | set(entry.feed_scopes))


def purge(urls):
    """Send ``urls`` to the configured frontend caches (no-op without backends)."""
    if urls:
        PurgeBatch(urls).purge()
