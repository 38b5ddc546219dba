"""RFC 5545 / RFC 7986 text, written with icalendar once per publish, never per request.

:func:`render_event` turns an event page into its VEVENT block(s): the series (with RRULE,
EXDATE) and one override per cancelled or moved occurrence, sharing the series UID with a
RECURRENCE-ID. :func:`calendar_head`, :func:`vtimezone` and :data:`CALENDAR_END` are the
pieces a feed puts around the stored blocks. icalendar does the folding (75 octets, never
inside a UTF-8 character) and TEXT escaping; :func:`clean_text` first removes what TEXT
cannot carry, so an editor's text can never start a property of its own.
"""

import re
from datetime import UTC, date, timedelta
from functools import lru_cache

from icalendar import Calendar, Event, Timezone, vDuration, vText
from icalendar.prop.conference import Conference

from civic_wagtail.conf import civic_settings

CRLF = "\r\n"
CALENDAR_END = "END:VCALENDAR\r\n"
# RFC 5545 3.3.11: TEXT is any character but CONTROL, except HTAB; line breaks are written
# as the escape "\n". Other C0 controls, DEL and C1 controls have no place in a feed.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_NEWLINES = re.compile(r"\r\n|\r|\u2028|\u2029|\x85")
#: VTIMEZONE rules cover this span; it is fixed so the bytes do not change over time.
TZ_FIRST_DATE = date(1970, 1, 1)
TZ_LAST_DATE = date(2038, 1, 1)


def clean_text(value):
    """Editor text as it will read back from the feed: one newline style, no controls."""
    value = _NEWLINES.sub("\n", value or "")
    return _CONTROL.sub("", value)


def _utc(value):
    return value.astimezone(UTC)


def event_component(page, url, stamp, sequence, occurrence=None, categories=()):
    """One VEVENT for ``page`` (the series, or an override of ``occurrence``)."""
    all_day = page.all_day
    start, end = page.start, page.end
    if occurrence is not None:
        start, end = occurrence.start, occurrence.end
    event = Event.new(
        uid=page.uid,
        stamp=_utc(stamp),
        last_modified=_utc(stamp),
        sequence=sequence,
        summary=clean_text(page.title),
        description=clean_text(page.description) or None,
        start=start.date() if all_day else start,
        end=end.date() if all_day else end,
        url=url,
        status=("CANCELLED" if occurrence is not None and occurrence.cancelled else page.status),
        location=clean_text(", ".join(p for p in (page.venue, page.address) if p)) or None,
    )
    if categories:
        event.categories = [clean_text(c) for c in categories]
    if page.organiser:
        # ORGANIZER needs a cal-address; a name alone is better carried as a CONTACT.
        event.add("CONTACT", clean_text(page.organiser))
    conferences = []
    if page.join_url and page.event_format != "in_person":
        conferences.append(Conference(page.join_url, feature="VIDEO", label="Join"))
    if conferences:
        event.conferences = conferences
    if occurrence is not None:
        original = occurrence.original_start
        event.add("RECURRENCE-ID", original.date() if all_day else original)
        return event
    rule = page.rule
    if rule is not None:
        event.add("RRULE", rule.rrule_parts(page.start, all_day))
        skipped = [c for c in page.occurrence_changes.all() if c.action == "exclude"]
        if skipped:
            exdates = []
            for change in skipped:
                local = page.local_start.replace(
                    year=change.original_date.year,
                    month=change.original_date.month,
                    day=change.original_date.day,
                )
                exdates.append(local.date() if all_day else local.replace(tzinfo=page.tz))
            event.add("EXDATE", exdates)
    return event


def render_event(page, url, stamp, sequence, categories=()):
    """The VEVENT text of ``page``: the series, then one override per changed occurrence."""
    components = [event_component(page, url, stamp, sequence, categories=categories)]
    if page.rule is not None and any(
        c.action in ("cancel", "move") for c in page.occurrence_changes.all()
    ):
        for occurrence in page.occurrences():
            if occurrence.cancelled or occurrence.moved:
                components.append(
                    event_component(page, url, stamp, sequence, occurrence, categories)
                )
    text = "".join(component.to_ical().decode("utf-8") for component in components)
    tzids = [] if page.all_day else [page.time_zone]
    return text, [t for t in tzids if t != "UTC"]


def item_component(item):
    """The VEVENT text of an item another app contributes (``civic_wagtail_calendar_items``):
    a dict with ``uid``, ``summary``, ``start``, ``stamp`` and optional ``end``, ``url``,
    ``description`` and ``location`` (without ``end`` the item is an instant). The personal
    feed's items (``civic_wagtail_personal_calendar_items``) have the same shape. Times are
    written in UTC, so no VTIMEZONE is needed."""
    event = Event.new(
        uid=str(item["uid"]),
        stamp=_utc(item["stamp"]),
        last_modified=_utc(item["stamp"]),
        summary=clean_text(item["summary"]),
        description=clean_text(item.get("description")) or None,
        start=_utc(item["start"]),
        end=_utc(item["end"]) if item.get("end") else None,
        location=clean_text(item.get("location")) or None,
        url=item.get("url") or None,
    )
    return event.to_ical().decode("utf-8")


@lru_cache(maxsize=512)
def vtimezone(tzid):
    """The VTIMEZONE block for ``tzid`` (cached: building one takes milliseconds)."""
    return (
        Timezone.from_tzid(tzid, first_date=TZ_FIRST_DATE, last_date=TZ_LAST_DATE)
        .to_ical()
        .decode("utf-8")
    )


def calendar_head(name, uid, url=None, description=None, language=None):
    """Everything a feed writes before its first component (BEGIN:VCALENDAR ... UID)."""
    refresh = timedelta(seconds=civic_settings.EVENTS_REFRESH_SECONDS)
    calendar = Calendar.new(
        prodid=civic_settings.EVENTS_PRODID,
        method="PUBLISH",
        uid=uid,
        url=url,
        refresh_interval=refresh,
    )
    # icalendar 7.3 stores NAME/X-WR-CALNAME (and DESCRIPTION via Calendar.new) untyped, so
    # a newline in them raises and ";" is not escaped: add them as TEXT ourselves.
    calendar.add("NAME", vText(clean_text(name)))
    calendar.add("X-WR-CALNAME", vText(clean_text(name)))
    if clean_text(description):
        calendar.add("DESCRIPTION", vText(clean_text(description)))
        calendar.add("X-WR-CALDESC", vText(clean_text(description)))
    # RFC 7986 5.7 requires VALUE=DURATION on REFRESH-INTERVAL; icalendar omits it.
    calendar["REFRESH-INTERVAL"].params["VALUE"] = "DURATION"
    calendar.add("X-PUBLISHED-TTL", vDuration(refresh))
    text = calendar.to_ical().decode("utf-8")
    return text[: -len(CALENDAR_END)]
