"""Other apps' private dates in a member's personal calendar feed.

A member's feed (``MemberFeed``, at a secret URL) carries the events they registered for,
plus what other apps add for that member alone: a working group's meetings, for instance,
which must never reach the public feeds. An app takes part without importing the events app
by registering ``@hooks.register("civic_wagtail_personal_calendar_items")`` a function
``fn(user)`` returning an iterable of dicts:

the same shape as the public ``civic_wagtail_calendar_items`` items
(:func:`~civic_wagtail.events.feeds.contributed_items`, rendered by
:func:`~civic_wagtail.events.ical.item_component`): ``uid`` (stable, unique, e.g.
``"group-event-12@example.gov"``), ``summary``, ``start`` and ``end`` (aware datetimes),
``stamp`` (aware datetime of the item's last change: the feed's ETag and ``Last-Modified``
follow it) and optionally ``description``, ``location`` and ``url`` (absolute).

The items are read at each request (the feed's ETag covers them, so leaving a group removes
its meetings from the next poll); public feeds never call the hook.
"""

from wagtail import hooks

from .ical import item_component

HOOK = "civic_wagtail_personal_calendar_items"


def items_for(user):
    """Every app's items for ``user``, sorted by start then uid."""
    items = []
    for fn in hooks.get_hooks(HOOK):
        items.extend(fn(user) or ())
    return sorted(items, key=lambda item: (item["start"], str(item["uid"])))


def vevent(item):
    """The VEVENT text of one item (UTC times: no VTIMEZONE needed)."""
    return item_component(item)
