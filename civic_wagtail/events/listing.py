"""What the calendar page and an event page show: filters, views, times and links.

Times are formatted in the event's own zone (the place it happens) and, when the reader
asks with ``?tz=Area/City``, in theirs as well. Querysets are planned: one query for the
events of a page of results, one for their topics, one for their changed dates.
"""

import calendar as pycalendar
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import quote, urlencode

from django.db.models import Q, prefetch_related_objects
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from wagtail.models import Site

from civic_wagtail import params
from civic_wagtail.localized import localize_prefetched
from civic_wagtail.models import Topic
from civic_wagtail.pagination import paginate

from .models.pages import EventFormat, EventPage, EventType, time_zone_choices
from .publishing import filter_query
from .recurrence import Occurrence


@dataclass
class CalendarFilter:
    """``?topic=&type=&format=`` of a calendar page: one value each, checked."""

    topic: Topic | None = None
    event_type: str = ""
    event_format: str = ""

    @classmethod
    def from_request(cls, request, page):
        params.check_all_text(request)
        slug = params.get_text(request, "topic")
        topic = None
        if slug:
            topic = Topic.objects.for_locale(page.locale).filter(slug=slug).first()
        kind = params.get_text(request, "type")
        fmt = params.get_text(request, "format")
        return cls(
            topic=topic,
            event_type=kind if kind in EventType.values else "",
            event_format=fmt if fmt in EventFormat.values else "",
        )

    def apply(self, queryset):
        if self.topic is not None:
            queryset = queryset.filter(topics__slug=self.topic.slug)
        if self.event_type:
            queryset = queryset.filter(event_type=self.event_type)
        if self.event_format:
            queryset = queryset.filter(event_format=self.event_format)
        return queryset

    def query(self):
        return filter_query(
            topic=self.topic.slug if self.topic else None,
            type=self.event_type,
            format=self.event_format,
        )

    def label(self):
        parts = []
        if self.topic is not None:
            parts.append(self.topic.name)
        if self.event_type:
            parts.append(str(EventType(self.event_type).label))
        if self.event_format:
            parts.append(str(EventFormat(self.event_format).label))
        return ", ".join(parts)


def reader_zone(request):
    """The reader's ``?tz=`` zone, ``None`` when not given; a 400 when it is not a zone."""
    return params.get_time_zone(request, "tz")


def event_formats():
    """The date patterns of event times, translatable so that each language words them its own
    way ("lundi 3 mars 2026, 14 h 00", "lunes, 3 de marzo de 2026, 14:00")."""
    return {
        "day": pgettext("event date format", "l j F Y"),
        "moment": pgettext("event date format", "l j F Y, H:i"),
        "time": pgettext("event date format", "H:i"),
    }


def describe(start, end, all_day, reader_tz=None):
    """Display strings for an occurrence, in its own zone and optionally the reader's."""
    formats = event_formats()
    if all_day:
        last = end - timedelta(days=1)
        text = date_format(start, formats["day"])
        if last.date() != start.date():
            text += " – " + date_format(last, formats["day"])
        return {"text": text + " " + _("(all day)"), "iso": start.date().isoformat()}
    same_day = start.date() == end.date()
    text = (
        date_format(start, formats["moment"])
        + " – "
        + date_format(end, formats["time"] if same_day else formats["moment"])
    )
    text += f" {start.tzname()} ({start.tzinfo.key})"
    result = {"text": text, "iso": start.isoformat()}
    if reader_tz is not None and reader_tz.key != start.tzinfo.key:
        mine = start.astimezone(reader_tz)
        result["reader"] = (
            date_format(mine, formats["moment"])
            + " – "
            + date_format(end.astimezone(reader_tz), formats["time"])
            + f" {mine.tzname()} ({reader_tz.key})"
        )
    return result


def _events(page):
    return (
        EventPage.objects.child_of(page)
        .live()
        .public()
        .filter(locale=page.locale)
        .prefetch_related("topics", "occurrence_changes")
    )


def _month(request):
    return params.get_month(request, "month") or timezone.now().date().replace(day=1)


class UpcomingEvents:
    """Upcoming events in the order of their next date, as ``(event, occurrence)`` pairs, for
    the paginator.

    A series that began before now is due at its next date, not its first, so the events
    under way (series and events running now: few, loaded whole, their next dates computed)
    are merged with those still to start (ordered by the database on their stored first
    start, which is their next date). A page costs the same few queries at any size: the
    events under way, the keys of the later ones up to the page's end (only when some are
    under way), and the page's events.
    """

    def __init__(self, events, now):
        self.events = events
        self.now = now
        underway = []
        events = events.prefetch_related(None)
        for event in events.filter(first_start_utc__lt=now).prefetch_related("occurrence_changes"):
            occ = event.next_occurrence(now)
            if occ is not None:
                underway.append(((occ.start.astimezone(UTC), event.pk), event, occ))
        underway.sort(key=lambda item: item[0])
        self.underway = underway
        self.later = events.filter(first_start_utc__gte=now).order_by("first_start_utc", "pk")

    def count(self):
        return len(self.underway) + self.later.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        if not isinstance(window, slice):
            return self[window : window + 1][0]
        stop = window.stop if window.stop is not None else self.count()
        if not self.underway:  # nothing to merge: the page is a slice of the later events
            page = list(self.later[window.start or 0 : stop])
            prefetch_related_objects(page, "topics", "occurrence_changes")
            return [(event, event.next_occurrence(self.now)) for event in page]
        keys = [
            ((start, pk), pk)
            for start, pk in self.later.values_list("first_start_utc", "pk")[:stop]
        ]
        merged = sorted([(key, event) for key, event, _occ in self.underway] + keys,
                        key=lambda item: item[0])[window.start or 0 : stop]
        wanted = [ref for _key, ref in merged if isinstance(ref, int)]
        found = {event.pk: event for event in self.events.filter(pk__in=wanted)}
        nexts = {event.pk: occ for _key, event, occ in self.underway}
        prefetch_related_objects(
            [*found.values(), *(ref for _key, ref in merged if not isinstance(ref, int))],
            "topics",
            "occurrence_changes",
        )
        pairs = []
        for _key, ref in merged:
            if isinstance(ref, int):
                event = found.get(ref)
                if event is not None:
                    pairs.append((event, event.next_occurrence(self.now)))
            else:
                pairs.append((ref, nexts[ref.pk]))
        return pairs


def calendar_context(page, request):
    """Context of the calendar page for ``?view=upcoming|past|month``."""
    now = timezone.now()
    flt = CalendarFilter.from_request(request, page)
    view = params.get_text(request, "view", default="upcoming")
    if view not in ("upcoming", "past", "month"):
        view = "upcoming"
    reader_tz = reader_zone(request)
    events = flt.apply(_events(page))
    context = {"filter": flt, "view": view, "reader_tz": reader_tz, "now": now}
    if view == "month":
        first = _month(request)
        days = pycalendar.monthrange(first.year, first.month)[1]
        start = datetime.combine(first, datetime.min.time(), UTC) - timedelta(days=1)
        end = start + timedelta(days=days + 2)
        in_month = events.filter(first_start_utc__lt=end).filter(
            Q(last_end_utc__gte=start) | Q(last_end_utc__isnull=True)
        )
        by_day = {}
        for event in in_month:
            for occ in event.occurrences(window=(start, end)):
                # Days are the event's own: an evening in Sydney is listed on its local date.
                if (occ.start.year, occ.start.month) == (first.year, first.month):
                    by_day.setdefault(occ.start.date(), []).append(
                        (event, occ, describe(occ.start, occ.end, event.all_day, reader_tz))
                    )
        context["month"] = first
        context["month_days"] = sorted(
            (day, sorted(items, key=lambda i: i[1].start.astimezone(UTC)))
            for day, items in by_day.items()
        )
        context["previous_month"] = (first - timedelta(days=1)).strftime("%Y-%m")
        context["next_month"] = (first + timedelta(days=32)).strftime("%Y-%m")
    else:
        if view == "past":
            events = events.filter(last_end_utc__lt=now).order_by("-first_start_utc", "pk")
            page_obj = paginate(request, events)
            pairs = [(event, None) for event in page_obj.object_list]
        else:
            events = events.filter(Q(last_end_utc__gte=now) | Q(last_end_utc__isnull=True))
            page_obj = paginate(request, UpcomingEvents(events, now))
            pairs = page_obj.object_list
        rows = []
        for event, occ in pairs:
            start, end = (occ.start, occ.end) if occ else (event.start, event.end)
            rows.append((event, occ, describe(start, end, event.all_day, reader_tz)))
        context["page_obj"] = page_obj
        context["rows"] = rows
    shown = [row[0] for row in context.get("rows", [])] + [
        item[0] for _day, items in context.get("month_days", []) for item in items
    ]
    # Topics in the calendar's language: one query for every event shown, none when they are
    # already in it.
    localize_prefetched(shown, "topics", page.locale_id)
    query = flt.query()
    feed_url = page.url + "feed/" + (f"?{query}" if query else "")
    context["feed_url"] = feed_url
    context["webcal_url"] = webcal(absolute_url(request, feed_url))
    context["site_feed_url"] = site_feed_url(page.locale)
    context["topics"] = Topic.objects.for_locale(page.locale)
    context["event_types"] = EventType.choices
    context["event_formats"] = EventFormat.choices
    context["filter_query"] = query
    context["time_zones"] = _zone_choices()
    return context


def site_feed_url(locale):
    """The site-wide feed in ``locale``'s language, or None where no such feed exists."""
    from .feeds import feed_languages
    from .publishing import site_feed_path

    if locale.language_code not in feed_languages():
        return None
    return site_feed_path(locale)


def _zone_choices():
    return [zone for zone, _label in time_zone_choices()]


def absolute_url(request, path):
    """``path`` on the Wagtail ``Site`` that serves ``request`` (its hostname and port), the
    one source of absolute URLs: never the host a request happened to name."""
    site = Site.find_for_request(request)
    if site is None:
        return request.build_absolute_uri(path)
    return site.root_url + path


def webcal(url):
    """The ``webcal://`` form of a feed URL, which calendar apps open as a subscription."""
    return "webcal://" + url.split("://", 1)[1]


def _utc_stamp(value, all_day):
    if all_day:
        return value.strftime("%Y%m%d")
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def google_url(page, occ, url):
    params = {
        "action": "TEMPLATE",
        "text": page.title,
        "dates": f"{_utc_stamp(occ.start, page.all_day)}/{_utc_stamp(occ.end, page.all_day)}",
        "details": f"{page.description[:1000]}\n\n{url}".strip(),
        "location": page.venue or page.join_url,
        "ctz": page.time_zone,
    }
    return "https://calendar.google.com/calendar/render?" + urlencode(params, quote_via=quote)


def outlook_url(page, occ, url):
    fmt = "%Y-%m-%d" if page.all_day else "%Y-%m-%dT%H:%M:%SZ"
    start = occ.start if page.all_day else occ.start.astimezone(UTC)
    end = occ.end if page.all_day else occ.end.astimezone(UTC)
    params = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": page.title,
        "startdt": start.strftime(fmt),
        "enddt": end.strftime(fmt),
        "allday": "true" if page.all_day else "false",
        "body": f"{page.description[:1000]}\n\n{url}".strip(),
        "location": page.venue or page.join_url,
    }
    return "https://outlook.live.com/calendar/0/deeplink/compose?" + urlencode(
        params, quote_via=quote
    )


def event_context(page, request):
    """Context of an event page: its next dates, add-to-calendar links, attendance."""
    from .models import EventAttendance

    now = timezone.now()
    reader_tz = reader_zone(request)
    upcoming = page.occurrences(window=(now, now + timedelta(days=3660)), limit=10)
    if upcoming:
        occ = upcoming[0]
    else:  # a past event, or a series whose every date was skipped
        occ = next(iter(page.occurrences(limit=1)), None) or Occurrence(
            page.start, page.end, page.start
        )
    url = page.get_full_url(request) or absolute_url(request, request.path)
    ics_url = page.url + "ical/"
    attendance = position = None
    if request.user.is_authenticated:
        attendance = EventAttendance.objects.filter(user=request.user, page=page).first()
        if attendance is not None and attendance.kind == EventAttendance.Kind.WAITING:
            from .attendance import wait_list_position

            position = wait_list_position(attendance)
    return {
        "when": describe(occ.start, occ.end, page.all_day, reader_tz),
        "upcoming": [(o, describe(o.start, o.end, page.all_day, reader_tz)) for o in upcoming],
        "reader_tz": reader_tz,
        "ics_url": ics_url,
        "webcal_url": webcal(absolute_url(request, ics_url)),
        "google_url": google_url(page, occ, url),
        "outlook_url": outlook_url(page, occ, url),
        "attendance": attendance,
        "wait_list_position": position,
        "time_zones": _zone_choices(),
    }
