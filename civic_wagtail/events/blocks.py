"""The home page's block of upcoming events (see :mod:`civic_wagtail.blocks`)."""

from django.db.models import Q, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civic_wagtail.blocks import CachedListingBlock, content_language, visible_q


class UpcomingEventsBlock(CachedListingBlock):
    """Events still to come, soonest first, each with its next date.

    One query for the events; one more for the changed dates of the repeating ones among
    them, only when there are some.
    """

    cache_name = "events"
    purge_models = ("civic_wagtail_events.eventpage", "civic_wagtail_events.occurrencechange")
    default_heading = _("Upcoming events")
    list_template = "civic_wagtail/events/blocks/upcoming.html"

    class Meta:
        icon = "date"
        label = _("Upcoming events")

    def get_items(self, value, request):
        from .listing import describe
        from .models import EventPage

        now = timezone.now()
        events = list(
            EventPage.objects.filter(visible_q(), locale__language_code=content_language())
            .filter(Q(last_end_utc__gte=now) | Q(last_end_utc__isnull=True))
            .order_by("first_start_utc", "pk")[: value["count"]]
        )
        repeating = [event for event in events if event.repeat]
        if repeating:
            prefetch_related_objects(repeating, "occurrence_changes")
        items = []
        for event in events:
            occurrence = event.next_occurrence(now) if event.repeat else None
            start, end = (occurrence.start, occurrence.end) if occurrence else (
                event.start,
                event.end,
            )
            items.append({"page": event, "when": describe(start, end, event.all_day)})
        return items
