"""Settings of the transparency app (``CIVIC_WAGTAIL_TRANSPARENCY_*``), via ``civic_settings``."""

DEFAULTS = {}
