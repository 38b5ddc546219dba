"""System checks of the events app: settings that would break feeds at runtime, or make them
unstable once live."""

import zoneinfo

from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

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


@register(Tags.compatibility)
def check_uid_domain(app_configs=None, **kwargs):
    """Feeds must not go live with the placeholder UID domain.

    Every UID is ``<translation key>@CIVIC_WAGTAIL_EVENTS_UID_DOMAIN``; changing the domain
    once subscribers have the feed makes their calendars see every event as new. Warned when
    ``DEBUG`` is off (a site going live), so ``check`` and ``check --deploy`` both say it.
    """
    if settings.DEBUG:
        return []
    domain = civic_settings.EVENTS_UID_DOMAIN
    if domain and isinstance(domain, str) and "." in domain and not domain.endswith(".invalid"):
        return []
    return [
        Warning(
            f"CIVIC_WAGTAIL_EVENTS_UID_DOMAIN is {domain!r}: every event's UID in the iCal "
            "feeds ends with this placeholder, and changing it once people subscribe makes "
            "their calendars show every event again as new.",
            hint=(
                "Set CIVIC_WAGTAIL_EVENTS_UID_DOMAIN to a domain you own, once, before the "
                "feeds go live (e.g. 'events.agency.gov')."
            ),
            id="civic_wagtail_events.W001",
        )
    ]
