"""Settings of the events app (``CIVIC_WAGTAIL_EVENTS_*``), with their defaults."""

DEFAULTS = {
    #: PRODID of every feed (RFC 5545 3.7.3): identifies the product that wrote it.
    "EVENTS_PRODID": "-//civic_wagtail//Events//EN",
    #: Right-hand side of every UID: ``<translation key>@<this>``. Set it to a domain
    #: you own; changing it later makes subscribers see every event as new.
    "EVENTS_UID_DOMAIN": "events.civic-wagtail.invalid",
    #: Seconds between a subscriber's polls, written as REFRESH-INTERVAL (RFC 7986)
    #: and X-PUBLISHED-TTL; also the feeds' ``Cache-Control: max-age``.
    "EVENTS_REFRESH_SECONDS": 3600,
    #: Time zones offered to editors and readers. ``None`` offers every IANA zone.
    "EVENTS_TIME_ZONES": None,
    #: Default time zone of a new event.
    "EVENTS_DEFAULT_TIME_ZONE": "UTC",
    #: How many occurrences of an unbounded series the calendar page lists ahead.
    "EVENTS_MAX_OCCURRENCES": 500,
    #: Days of past events the feeds keep (every future event is kept; a recurring series
    #: stays whole while any of its dates is in the window). ``None`` keeps the whole
    #: history, which makes every poll grow with the site's age.
    "EVENTS_FEED_PAST_DAYS": 180,
    #: Seconds a rendered (and compressed) feed body stays in Django's cache. Bodies are
    #: keyed by the feed's version, so a change never serves a stale one.
    "EVENTS_FEED_CACHE_SECONDS": 24 * 3600,
}
