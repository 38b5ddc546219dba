"""Other apps' private dates in a member's personal calendar feed.

A member's feed (``MemberFeed``, at a secret URL) carries the events they registered for,
plus what other apps add for that member alone: a working group's meetings, for instance,
which must never reach the public feeds. An app takes part without importing the events app
by registering ``@hooks.register("civic_wagtail_personal_calendar_items")`` a function
``fn(user)`` returning an iterable of dicts:

``uid`` (stable, unique, e.g. ``"group-event-12@example.gov"``), ``summary``, ``start`` and
``end`` (aware datetimes), ``updated`` (aware datetime of the item's last change: the feed's
ETag follows it) and optionally ``description``, ``location`` and ``url`` (absolute).

The items are read at each request (the feed's ETag covers them, so leaving a group removes
its meetings from the next poll); public feeds never call the hook.
"""

import hashlib
from datetime import UTC

from icalendar import Event
from wagtail import hooks

from .ical import clean_text

HOOK = "civic_wagtail_personal_calendar_items"


def items_for(user):
    """Every app's items for ``user``, sorted by start then uid."""
    items = []
    for fn in hooks.get_hooks(HOOK):
        items.extend(fn(user) or ())
    return sorted(items, key=lambda item: (item["start"], str(item["uid"])))


def digest(items):
    """A short fingerprint of ``items`` for the feed's ETag."""
    text = "\x1e".join(
        "\x1f".join(
            str(item.get(key, ""))
            for key in ("uid", "summary", "start", "end", "updated", "location", "url")
        )
        for item in items
    )
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def vevent(item):
    """The VEVENT text of one item (UTC times: no VTIMEZONE needed)."""
    event = Event.new(
        uid=str(item["uid"]),
        stamp=item["updated"].astimezone(UTC),
        last_modified=item["updated"].astimezone(UTC),
        summary=clean_text(item["summary"]),
        description=clean_text(item.get("description", "")) or None,
        start=item["start"].astimezone(UTC),
        end=item["end"].astimezone(UTC),
        location=clean_text(item.get("location", "")) or None,
        url=item.get("url") or None,
    )
    return event.to_ical().decode("utf-8")
