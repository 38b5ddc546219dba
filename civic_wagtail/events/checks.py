"""System checks of the events app: settings that would break feeds at runtime."""

import zoneinfo

from django.apps import apps
from django.core.checks import Error, Tags, register

from civic_wagtail.conf import civic_settings


@register(Tags.compatibility)
def check_events_settings(app_configs=None, **kwargs):
    errors = []
    if not apps.is_installed("wagtail.contrib.routable_page"):
        errors.append(
            Error(
                "'wagtail.contrib.routable_page' is not in INSTALLED_APPS; calendar pages "
                "serve their feeds (feed.ics, event.ics) through it.",
                hint="Add 'wagtail.contrib.routable_page' to INSTALLED_APPS.",
                id="civic_wagtail_events.E001",
            )
        )
    seconds = civic_settings.EVENTS_REFRESH_SECONDS
    if not isinstance(seconds, int) or seconds <= 0:
        errors.append(
            Error(
                f"CIVIC_WAGTAIL_EVENTS_REFRESH_SECONDS is {seconds!r}; it must be a positive "
                "number of seconds (RFC 7986 REFRESH-INTERVAL).",
                hint="Set CIVIC_WAGTAIL_EVENTS_REFRESH_SECONDS = 3600.",
                id="civic_wagtail_events.E002",
            )
        )
    zones = [civic_settings.EVENTS_DEFAULT_TIME_ZONE, *(civic_settings.EVENTS_TIME_ZONES or [])]
    for zone in zones:
        try:
            zoneinfo.ZoneInfo(zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, TypeError):
            errors.append(
                Error(
                    f"{zone!r} in CIVIC_WAGTAIL_EVENTS_TIME_ZONES or "
                    "CIVIC_WAGTAIL_EVENTS_DEFAULT_TIME_ZONE is not an IANA time zone.",
                    hint="Use names such as 'Europe/Paris' (see zoneinfo.available_timezones()).",
                    id="civic_wagtail_events.E003",
                )
            )
    return errors
