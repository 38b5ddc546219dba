"""System checks of the events app: settings that would break feeds at runtime, or make them
unstable once live."""

import zoneinfo

from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.db import DatabaseError
from django.utils.translation import gettext as _

from civic_wagtail.conf import civic_settings


@register(Tags.compatibility)
def check_events_settings(app_configs=None, **kwargs):
    errors = []
    if not apps.is_installed("wagtail.contrib.routable_page"):
        errors.append(
            Error(
                _(
                    "'%(app)s' is not in INSTALLED_APPS; calendar pages serve their feeds "
                    "(feed.ics, event.ics) through it."
                )
                % {"app": "wagtail.contrib.routable_page"},
                hint=_("Add '%(app)s' to INSTALLED_APPS.")
                % {"app": "wagtail.contrib.routable_page"},
                id="civic_wagtail_events.E001",
            )
        )
    seconds = civic_settings.EVENTS_REFRESH_SECONDS
    if not isinstance(seconds, int) or seconds <= 0:
        errors.append(
            Error(
                _(
                    "CIVIC_WAGTAIL_EVENTS_REFRESH_SECONDS is %(value)s; it must be a positive "
                    "number of seconds (RFC 7986 REFRESH-INTERVAL)."
                )
                % {"value": repr(seconds)},
                hint=_("Set CIVIC_WAGTAIL_EVENTS_REFRESH_SECONDS = 3600."),
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
                    _(
                        "%(zone)s in CIVIC_WAGTAIL_EVENTS_TIME_ZONES or "
                        "CIVIC_WAGTAIL_EVENTS_DEFAULT_TIME_ZONE is not an IANA time zone."
                    )
                    % {"zone": repr(zone)},
                    hint=_(
                        "Use names such as 'Europe/Paris' (see zoneinfo.available_timezones())."
                    ),
                    id="civic_wagtail_events.E003",
                )
            )
    return errors


@register(Tags.database)
def check_series_in_step(app_configs=None, **kwargs):
    """Series whose first date their repeat pattern does not produce (run by ``migrate`` and
    ``check --database default``): RFC 5545 leaves them undefined, so calendar clients
    disagree about them. Events saved before the editor form refused them can be such."""
    from .models import EventPage
    from .recurrence import out_of_step

    fields = ["title", "start_date", "start_time", "end_date", "all_day", "time_zone"]
    fields += ["repeat", "repeat_interval", "repeat_weekdays", "repeat_positions"]
    try:
        series = list(EventPage.objects.exclude(repeat="").only("id", *fields).order_by("pk"))
    except DatabaseError:  # not migrated yet
        return []
    warnings = []
    for page in series:
        if not (page.all_day or page.start_time):
            continue
        nearest = out_of_step(page.rule, page.local_start)
        if nearest is None:
            continue
        previous, following = nearest
        params = {
            "title": repr(page.title),
            "pk": page.pk,
            "start": page.start_date,
            "previous": previous.isoformat() if previous else "",
            "next": following.isoformat(),
        }
        warnings.append(
            Warning(
                _(
                    "Event %(title)s (page %(pk)s) starts on %(start)s, a date its repeat "
                    "pattern does not produce; calendar clients disagree about it."
                )
                % params,
                hint=(
                    _(
                        "Edit the event in the admin: start it on %(previous)s or %(next)s, "
                        "or change the pattern."
                    )
                    if previous
                    else _(
                        "Edit the event in the admin: start it on %(next)s, or change the "
                        "pattern."
                    )
                )
                % params,
                obj=page,
                id="civic_wagtail_events.W001",
            )
        )
    return warnings


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
            _(
                "CIVIC_WAGTAIL_EVENTS_UID_DOMAIN is %(domain)s: every event's UID in the iCal "
                "feeds ends with this placeholder, and changing it once people subscribe makes "
                "their calendars show every event again as new."
            )
            % {"domain": repr(domain)},
            hint=_(
                "Set CIVIC_WAGTAIL_EVENTS_UID_DOMAIN to a domain you own, once, before the "
                "feeds go live (e.g. 'events.agency.gov')."
            ),
            id="civic_wagtail_events.W002",
        )
    ]
