"""Settings of the members app (``CIVIC_WAGTAIL_MEMBERS_*``), read via ``civic_settings``."""

DEFAULTS = {
    #: Profile fields shown to other people unless a member changes it. ``display_name``
    #: is always public.
    "MEMBERS_DEFAULT_PUBLIC_FIELDS": ["organisation", "job_title", "topics"],
}
