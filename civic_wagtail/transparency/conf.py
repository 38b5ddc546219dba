"""Settings of the transparency app (``CIVIC_WAGTAIL_TRANSPARENCY_*``), via ``civic_settings``."""

DEFAULTS = {
    #: Entries in each Atom feed (newest first).
    "TRANSPARENCY_FEED_ITEMS": 50,
    #: Days a confirmation link (alert subscription, consultation response) stays valid.
    "TRANSPARENCY_CONFIRM_DAYS": 7,
    #: Text answers and draft comments shown per page of a consultation's results.
    "TRANSPARENCY_PUBLISHED_ANSWERS_PER_PAGE": 20,
}
