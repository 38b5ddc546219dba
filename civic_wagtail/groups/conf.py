"""Settings of the working groups app (``CIVIC_WAGTAIL_GROUPS_*``), via ``civic_settings``."""

DEFAULTS = {
    #: Groups per page of the group list.
    "GROUPS_PER_PAGE": 20,
    #: Threads, files, events and activity entries shown on a group's page (latest first).
    "GROUPS_ITEMS_SHOWN": 20,
    #: Days an invitation by email stays valid.
    "GROUPS_INVITATION_DAYS": 30,
    #: Name of the collection under which each group's files get a collection of their own.
    "GROUPS_COLLECTION_NAME": "Working groups",
}
