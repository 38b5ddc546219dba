"""Settings of the mentoring app (``CIVIC_WAGTAIL_MENTORING_*``), read via ``civic_settings``."""

DEFAULTS = {
    #: Points a mentor earns for each thing they share with a mentee. ``topic`` counts per
    #: shared topic, ``skill`` per mentor skill named in the mentee's goals; the others
    #: count once. A mentor who earns no points is not suggested.
    "MENTORING_MATCH_WEIGHTS": {
        "topic": 3,
        "skill": 2,
        "language": 2,
        "level": 2,
        "region": 1,
    },
    #: Leave mentors who work at the mentee's own organisation out of the matches
    #: (compared case-insensitively on the member profiles' ``organisation``).
    "MENTORING_EXCLUDE_SAME_ORGANISATION": True,
    #: How many mentors the matching page suggests.
    "MENTORING_MATCH_LIMIT": 10,
    #: Language codes a mentor can say they speak (names come from Django's LANG_INFO).
    "MENTORING_LANGUAGES": [
        "en", "fr", "es", "de", "pt", "it", "nl", "pl", "uk", "ar", "zh-hans", "hi", "ja",
    ],
    #: Length of a mentorship in months when its programme does not say otherwise.
    "MENTORING_DEFAULT_LENGTH_MONTHS": 6,
    #: Default capacity (mentees at once) offered to a new mentor.
    "MENTORING_DEFAULT_CAPACITY": 2,
    #: Requests waiting longer than this many days appear in the coordinators' report.
    "MENTORING_STALE_REQUEST_DAYS": 14,
    #: Sender of mentoring emails; ``None`` uses ``DEFAULT_FROM_EMAIL``.
    "MENTORING_FROM_EMAIL": None,
}
