"""Settings of the transparency app (``CIVIC_WAGTAIL_TRANSPARENCY_*``), via ``civic_settings``."""

from django.utils.translation import gettext_lazy as _

DEFAULTS = {
    # --- policy updates and consultations ----------------------------------------------
    #: Entries in each Atom feed (newest first).
    "TRANSPARENCY_FEED_ITEMS": 50,
    #: Days a confirmation link (alert subscription, consultation response) stays valid.
    "TRANSPARENCY_CONFIRM_DAYS": 7,
    #: Text answers and draft comments shown per page of a consultation's results.
    "TRANSPARENCY_PUBLISHED_ANSWERS_PER_PAGE": 20,
    # --- project trackers -----------------------------------------------------------------
    #: Most rows one API call or CSV upload may carry (a larger batch is refused, not cut).
    "TRANSPARENCY_INGEST_MAX_ROWS": 10_000,
    #: Rows per INSERT statement when a batch is written.
    "TRANSPARENCY_INGEST_BATCH_SIZE": 1_000,
    #: Budget bands of the project list filter: ``(slug, label, lower bound, upper bound)``,
    #: bounds in the project's own currency (None = open), the lower one included.
    "TRANSPARENCY_BUDGET_BANDS": [
        ("small", _("Under 100,000"), None, 100_000),
        ("medium", _("100,000 to 1 million"), 100_000, 1_000_000),
        ("large", _("1 to 10 million"), 1_000_000, 10_000_000),
        ("major", _("10 million or more"), 10_000_000, None),
    ],
    #: Projects per page of the project list.
    "TRANSPARENCY_PROJECTS_PER_PAGE": 20,
}
