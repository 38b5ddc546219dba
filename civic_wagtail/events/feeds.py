"""iCal feeds as classes, in the manner of ``django.contrib.syndication.views.Feed``.

A feed names its object (:meth:`EventFeed.get_object`), its events (:meth:`items`, a
queryset of live, public event pages) and its calendar properties (:meth:`title`,
:meth:`link`, :meth:`calendar_uid`). Calling an instance with a request answers GET and HEAD:
the body is the calendar head, one VTIMEZONE per TZID in use, then each event's stored
VEVENT block (:meth:`item_vevent`). Sites subclass a feed and override any of these.

A feed costs a fixed number of queries whatever its size: the site, the view restrictions
(``.public()``), the entries, and the feed's change date.
"""

import hashlib

from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import gettext as _
from wagtail.models import Locale, Site

from civic_wagtail.conf import civic_settings

from .ical import CALENDAR_END, calendar_head, vtimezone
from .models import CalendarToken, EventFeedEntry, EventPage, FeedChange

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

    # --- machinery --------------------------------------------------------------------

    def site(self, request):
        return Site.find_for_request(request)

    def entries(self, request, obj):
        pages = self.items(request, obj).live().public().values("pk")
        return (
            EventFeedEntry.objects.filter(page__in=pages)
            .order_by("page__first_start_utc", "page_id")
            .only("vevent", "tzids")
        )

    def render(self, request, obj):
        parts, tzids = [], set()
        for entry in self.entries(request, obj):
            parts.append(self.item_vevent(entry))
            tzids.update(entry.tzids)
        head = calendar_head(
            self.title(obj),
            self.calendar_uid(obj),
            url=self.link(request, obj),
            description=self.description(obj),
        )
        zones = "".join(vtimezone(tzid) for tzid in sorted(tzids))
        return head + zones + "".join(parts) + CALENDAR_END

    def __call__(self, request, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        obj = self.get_object(request, **kwargs)
        redirect = self.redirect(request, obj)
        if redirect is not None:
            return redirect
        body = self.render(request, obj).encode("utf-8")
        etag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
        change = FeedChange.objects.filter(key="events").values_list("changed_at", flat=True)
        last_modified = change.first()
        response = HttpResponse(b"" if request.method == "HEAD" else body, CONTENT_TYPE)
        response["Content-Length"] = str(len(body))
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
        last_ts = int(last_modified.timestamp()) if last_modified else None
        conditional = get_conditional_response(request, etag, last_ts, response)
        if conditional is not response:
            conditional.content = b""
        return conditional


def _locale(lang=None):
    if lang is None:
        return Locale.get_default()
    return get_object_or_404(Locale, language_code=lang)


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


__all__ = [
    "CalendarPageFeed",
    "EventFeed",
    "MemberFeed",
    "SingleEventFeed",
    "SiteFeed",
    "TopicFeed",
]
