"""iCal feeds as classes, in the manner of ``django.contrib.syndication.views.Feed``.

A feed names its object (:meth:`EventFeed.get_object`), its events (:meth:`items`, a
queryset of live, public event pages) and its calendar properties (:meth:`title`,
:meth:`link`, :meth:`calendar_uid`). Calling an instance with a request answers GET and HEAD:
the body is the calendar head, one VTIMEZONE per TZID in use, then each event's stored
VEVENT block (:meth:`item_vevent`). Sites subclass a feed and override any of these.

Each feed has a *scope* (:meth:`EventFeed.scope`) whose version stamp
(:mod:`~civic_wagtail.events.stamps`) gives the ``ETag`` and ``Last-Modified``: a conditional
request that matches is answered 304 from the stamp alone, and HEAD answers the same headers
without a body, neither rendering anything. A full response is rendered once per version,
window and encoding and kept in Django's cache (Redis in production), gzip-compressed for
clients that accept it. Feeds carry past events for ``EVENTS_FEED_PAST_DAYS`` and every
future one; a recurring series stays whole while any of its dates is in the window.

Other apps add dated items to the site-wide and topic feeds through the hook
``civic_wagtail_calendar_items`` (:func:`contributed_items`; the transparency app adds the
opening and closing of consultations), without the events app knowing them.

A feed costs a fixed number of queries whatever its size.
"""

import gzip
import hashlib
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Locale, Site

from civic_wagtail.conf import civic_settings

from . import personal_items, stamps
from .ical import CALENDAR_END, calendar_head, item_component, vtimezone
from .models import CalendarToken, EventFeedEntry, EventPage

#: Prefix of the rendered bodies kept in the cache (one per feed URL, version and encoding).
CACHE_PREFIX = "civic_wagtail:events:feed"

CONTENT_TYPE = "text/calendar; charset=utf-8"


class EventFeed:
    """Base class of every iCal feed. Subclasses implement :meth:`get_object`/:meth:`items`."""

    #: ``Cache-Control`` visibility: ``"public"`` feeds may be kept by shared caches.
    cache_visibility = "public"

    def get_object(self, request, **kwargs):
        """The thing the feed is about (a page, a topic, a member...)."""
        return None

    def items(self, request, obj):
        """Live, public event pages of the feed, as a queryset."""
        raise NotImplementedError

    def title(self, obj):
        """NAME and X-WR-CALNAME of the calendar."""
        raise NotImplementedError

    def description(self, obj):
        return None

    def link(self, request, obj):
        """The calendar's URL property: a page where people can see it."""
        return None

    def calendar_uid(self, obj):
        """A stable calendar UID; never random, so two requests give the same bytes."""
        raise NotImplementedError

    def filename(self, obj):
        """A file name to send as ``Content-Disposition: attachment``, or None."""
        return None

    def redirect(self, request, obj):
        """A response to send instead of the feed (e.g. to a canonical URL), or None."""
        return None

    def item_vevent(self, entry):
        """The VEVENT text of one stored entry."""
        return entry.vevent

    def scope(self, request, obj):
        """The :mod:`~civic_wagtail.events.stamps` key whose version changes whenever this
        feed's events change. A subclass whose :meth:`items` draw on other scopes must
        override it."""
        raise NotImplementedError

    def past_days(self):
        """How many days of past events the feed keeps (``None``: all of them)."""
        return civic_settings.EVENTS_FEED_PAST_DAYS

    def extra_items(self, request, obj):
        """Items other apps contribute (:func:`contributed_items`); none by default."""
        return []

    # --- machinery --------------------------------------------------------------------

    def site(self, request):
        return Site.find_for_request(request)

    def window_start(self):
        """Midnight UTC of the first day whose events the feed still carries, or None."""
        days = self.past_days()
        if days is None:
            return None
        today = timezone.now().astimezone(UTC).date()
        return datetime.combine(today - timedelta(days=days), datetime.min.time(), UTC)

    def entries(self, request, obj):
        pages = self.items(request, obj).live().public()
        start = self.window_start()
        if start is not None:
            # Unbounded series have no last end: they always stay.
            pages = pages.filter(Q(last_end_utc__isnull=True) | Q(last_end_utc__gte=start))
        return (
            EventFeedEntry.objects.filter(page__in=pages.values("pk"))
            .order_by("page__first_start_utc", "page_id")
            .only("vevent", "tzids")
        )

    def render(self, request, obj):
        parts, tzids = [], set()
        for entry in self.entries(request, obj):
            parts.append(self.item_vevent(entry))
            tzids.update(entry.tzids)
        for item in self.extra_items(request, obj):
            parts.append(item_component(item))
        head = calendar_head(
            self.title(obj),
            self.calendar_uid(obj),
            url=self.link(request, obj),
            description=self.description(obj),
        )
        zones = "".join(vtimezone(tzid) for tzid in sorted(tzids))
        return head + zones + "".join(parts) + CALENDAR_END

    def validators(self, request, obj):
        """``(etag, last_modified)`` from the feed's stamp, without reading any entry.

        The ETag covers the stamp's version, the window's first day and the calendar's own
        properties (title, link...), so it changes exactly when the body would.
        """
        version, changed_at = stamps.read(self.scope(request, obj))
        start = self.window_start()
        extra = self.extra_items(request, obj)
        identity = "\x1f".join(
            str(part)
            for part in (
                version,
                sorted(repr(sorted(item.items())) for item in extra),
                start.date() if start else "all",
                self.title(obj),
                self.description(obj),
                self.link(request, obj),
                self.calendar_uid(obj),
                civic_settings.EVENTS_REFRESH_SECONDS,
            )
        )
        etag = hashlib.sha256(identity.encode()).hexdigest()[:32]
        for item in extra:
            if changed_at is None or item["stamp"] > changed_at:
                changed_at = item["stamp"]
        if changed_at is not None and start is not None:
            # The window moves every day: events may have left the feed since the stamp.
            changed_at = max(changed_at, start + timedelta(days=self.past_days()))
        return etag, changed_at

    def cache_key(self, request, etag, encoding):
        path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        return f"{CACHE_PREFIX}:{path}:{etag}:{encoding}"

    def body(self, request, obj, etag, encoding):
        """The response body for ``encoding`` ("identity" or "gzip"), rendered and compressed
        once per version and kept in the cache, with its length beside it for HEAD."""
        key = self.cache_key(request, etag, encoding)
        body = cache.get(key)
        if body is None:
            body = self.render(request, obj).encode("utf-8")
            if encoding == "gzip":
                body = gzip.compress(body, compresslevel=6, mtime=0)
            cache.set_many(
                {key: body, f"{key}:length": len(body)},
                timeout=civic_settings.EVENTS_FEED_CACHE_SECONDS,
            )
        return body

    def __call__(self, request, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        obj = self.get_object(request, **kwargs)
        redirect = self.redirect(request, obj)
        if redirect is not None:
            return redirect
        base, last_modified = self.validators(request, obj)
        encoding = "gzip" if accepts_gzip(request) else "identity"
        # RFC 9110 8.8.3: each content coding of a resource has its own entity tag.
        etag = f'"{base}-gz"' if encoding == "gzip" else f'"{base}"'
        response = HttpResponse(content_type=CONTENT_TYPE)
        response["ETag"] = etag
        if last_modified:
            response["Last-Modified"] = http_date(last_modified.timestamp())
        filename = self.filename(obj)
        if filename:
            response["Content-Disposition"] = f'attachment; filename="{filename}"'
        patch_cache_control(
            response,
            **{self.cache_visibility: True},
            max_age=civic_settings.EVENTS_REFRESH_SECONDS,
        )
        patch_vary_headers(response, ["Accept-Encoding"])
        last_ts = int(last_modified.timestamp()) if last_modified else None
        conditional = get_conditional_response(request, etag, last_ts, response)
        if conditional is not response:
            conditional.content = b""
            return conditional
        if encoding == "gzip":
            response["Content-Encoding"] = "gzip"
        if request.method == "HEAD":
            # Same headers, no body, nothing rendered: the length only when it is known.
            length = cache.get(f"{self.cache_key(request, base, encoding)}:length")
            if length is not None:
                response["Content-Length"] = str(length)
            return response
        response.content = self.body(request, obj, base, encoding)
        response["Content-Length"] = str(len(response.content))
        return response


def accepts_gzip(request):
    """Whether the client accepts gzip (and does not refuse it with ``q=0``)."""
    for part in request.headers.get("Accept-Encoding", "").split(","):
        coding, _sep, params = part.strip().partition(";")
        if coding.strip().lower() in ("gzip", "x-gzip"):
            quality = params.strip().lower().removeprefix("q=")
            try:
                return not params or float(quality) > 0
            except ValueError:
                return False
    return False


#: The hook through which other apps add items to the site-wide and topic calendars.
CALENDAR_ITEMS_HOOK = "civic_wagtail_calendar_items"


def contributed_items(site, locale, topic=None):
    """Items from the ``civic_wagtail_calendar_items`` hooks for one site feed.

    Each hook function takes ``(site, locale, topic_slug)`` (``topic_slug`` None for the
    site-wide feed) and returns dicts with ``uid``, ``summary``, ``start`` and optionally
    ``end`` (aware datetimes), ``stamp`` (an aware datetime that changes when the item does, never
    "now"), and optionally ``url`` and ``description``. Each call should cost a fixed number
    of queries; the result is part of the feed's ETag.
    """
    items = []
    for fn in hooks.get_hooks(CALENDAR_ITEMS_HOOK):
        items.extend(fn(site, locale, topic))
    return items


def feed_languages():
    """Language codes a feed may be served in: the site's configured content languages."""
    languages = getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", None) or settings.LANGUAGES
    return {code for code, _name in languages}


def _locale(lang=None):
    """The feed's locale: the default one, or a configured language the site has content in.
    Anything else is a 404, so no feed exists for a language the site does not publish."""
    if lang is None:
        return Locale.get_default()
    locale = None
    if lang in feed_languages():
        locale = Locale.objects.filter(language_code=lang).first()
    if locale is None:
        raise Http404("No such language")
    return locale


class SiteFeed(EventFeed):
    """Every public event of the request's site, in one language."""

    def get_object(self, request, lang=None, **kwargs):
        site = self.site(request)
        if site is None:
            raise Http404("No site")
        return {"site": site, "locale": _locale(lang)}

    def items(self, request, obj):
        root = obj["site"].root_page
        if root.locale_id != obj["locale"].pk:
            # Translated trees hang under the translation of the site's root page.
            root = root.get_translation_or_none(obj["locale"]) or root
        return EventPage.objects.descendant_of(root).filter(locale=obj["locale"])

    def title(self, obj):
        return _("%(site)s events") % {"site": obj["site"].site_name or obj["site"].hostname}

    def link(self, request, obj):
        return obj["site"].root_url + "/"

    def calendar_uid(self, obj):
        return f"site-{obj['site'].pk}-{obj['locale'].language_code}@" + (
            civic_settings.EVENTS_UID_DOMAIN
        )

    def scope(self, request, obj):
        return stamps.site_scope(obj["site"].pk, obj["locale"].language_code)

    def extra_items(self, request, obj):
        if "_extra_items" not in obj:  # asked twice per request (ETag, then body)
            topic = obj.get("topic")
            obj["_extra_items"] = contributed_items(
                obj["site"], obj["locale"], topic.slug if topic is not None else None
            )
        return obj["_extra_items"]


class TopicFeed(SiteFeed):
    """Public events of the site about one topic (filtered by slug, so in any language)."""

    def get_object(self, request, slug=None, lang=None, **kwargs):
        from civic_wagtail.models import Topic

        obj = super().get_object(request, lang=lang)
        topic = Topic.objects.filter(slug=slug).order_by("-locale_id" if lang else "locale_id")
        obj["topic"] = topic.first()
        if obj["topic"] is None:
            raise Http404("No such topic")
        return obj

    def items(self, request, obj):
        return super().items(request, obj).filter(topics__slug=obj["topic"].slug)

    def title(self, obj):
        return f"{super().title(obj)}: {obj['topic'].name}"

    def calendar_uid(self, obj):
        return f"topic-{obj['topic'].slug}-" + super().calendar_uid(obj)

    def scope(self, request, obj):
        return stamps.topic_scope(
            obj["site"].pk, obj["topic"].slug, obj["locale"].language_code
        )


class CalendarPageFeed(EventFeed):
    """The events of one calendar page, with the same filters as the page."""

    def get_object(self, request, page=None, **kwargs):
        from .listing import CalendarFilter

        return {"page": page, "filter": CalendarFilter.from_request(request, page)}

    def items(self, request, obj):
        return obj["filter"].apply(EventPage.objects.child_of(obj["page"]))

    def title(self, obj):
        label = obj["filter"].label()
        return f"{obj['page'].title}: {label}" if label else obj["page"].title

    def description(self, obj):
        return obj["page"].specific.intro or None

    def link(self, request, obj):
        return obj["page"].get_full_url(request)

    def calendar_uid(self, obj):
        key = obj["filter"].query() or "all"
        return f"calendar-{obj['page'].translation_key}-{key}@" + (
            civic_settings.EVENTS_UID_DOMAIN
        )

    def scope(self, request, obj):
        return stamps.calendar_scope(obj["page"].pk)

    def redirect(self, request, obj):
        canonical = obj["filter"].query()
        if request.GET.urlencode() != canonical:
            return redirect(obj["page"].url + "feed/" + (f"?{canonical}" if canonical else ""))
        return None


class SingleEventFeed(EventFeed):
    """One event as a downloadable .ics file."""

    def items(self, request, obj):
        return EventPage.objects.filter(pk=obj.pk)

    def title(self, obj):
        return obj.title

    def link(self, request, obj):
        return obj.get_full_url(request)

    def calendar_uid(self, obj):
        return f"event-{obj.uid}"

    def scope(self, request, obj):
        return stamps.event_scope(obj.pk)

    def past_days(self):
        return None  # a single event's file is always whole

    def get_object(self, request, page=None, **kwargs):
        # The page may be served to someone allowed to see it; its feed is public only.
        if not EventPage.objects.live().public().filter(pk=page.pk).exists():
            raise Http404("Not a public event")
        return page

    def filename(self, obj):
        return f"{obj.slug}.ics"


class MemberFeed(EventFeed):
    """Events a member registered for or follows, at a secret, revocable URL."""

    cache_visibility = "private"

    def get_object(self, request, token=None, **kwargs):
        found = CalendarToken.objects.select_related("user").filter(token=token).first()
        if found is None or not found.user.is_active or not found.is_valid_for(found.user):
            raise Http404("Unknown or revoked calendar link")
        return found.user

    def items(self, request, obj):
        return EventPage.objects.filter(attendance__user=obj)

    def title(self, obj):
        return _("My events")

    def calendar_uid(self, obj):
        return f"member-{obj.pk}@{civic_settings.EVENTS_UID_DOMAIN}"

    def scope(self, request, obj):
        return stamps.member_scope(obj.pk)

    def extra_items(self, request, obj):
        """Other apps' private items for this member
        (:mod:`~civic_wagtail.events.personal_items`), read once per request. They have the
        shape of :func:`contributed_items`' items, so the base class puts them in the ETag,
        ``Last-Modified`` and body."""
        cached = getattr(request, "_civic_personal_items", None)
        if cached is None:
            cached = personal_items.items_for(obj)
            request._civic_personal_items = cached
        return cached



__all__ = [
    "CalendarPageFeed",
    "EventFeed",
    "MemberFeed",
    "SingleEventFeed",
    "SiteFeed",
    "TopicFeed",
]
