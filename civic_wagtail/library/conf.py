"""Settings of the library app, read as ``civic_settings.LIBRARY_*``.

Sites set them as ``CIVIC_WAGTAIL_LIBRARY_*``; every key is documented in
docs/reference/library.md.
"""

DEFAULTS = {
    #: Deprecated: the page models the library contributes to the site search, as
    #: ``"app_label.ModelName"`` strings. ``None``: practices, case studies and resources.
    #: Register a ``civic_wagtail_search_scopes`` hook instead.
    "LIBRARY_SEARCH_MODELS": None,
    #: Seconds between two flushes of the buffered resource download counts into the
    #: database. Downloads are counted in the cache; at most one flush task is queued
    #: per interval, so the hot path never writes to the database.
    "LIBRARY_DOWNLOAD_FLUSH_INTERVAL": 300,
    #: Cache alias that buffers download counts. Use a shared cache (Redis, Memcached)
    #: when the site runs several processes; a per-process cache loses nothing but
    #: flushes each process's counts separately.
    "LIBRARY_DOWNLOAD_CACHE": "default",
    #: Largest number of outcome rows one CSV export returns (a guard, not a page size).
    "LIBRARY_CSV_MAX_ROWS": 200_000,
}
