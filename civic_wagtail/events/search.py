"""The events' scope of the site search (:mod:`civic_wagtail.search`): upcoming events first
(soonest first), then past ones (latest first); relevance decides nothing between them."""

from django.db.models import Case, F, IntegerField, Q, Value, When
from django.utils import timezone

from civic_wagtail.search import PageScope


class EventScope(PageScope):
    template = "civic_wagtail/events/includes/search_result.html"

    def search(self, request, terms, filters):
        now = timezone.now()
        upcoming = Q(last_end_utc__gte=now) | Q(last_end_utc__isnull=True)
        ordered = self.queryset(request, filters).order_by(
            Case(When(upcoming, then=Value(0)), default=Value(1), output_field=IntegerField())
            .asc(),
            Case(When(upcoming, then=F("first_start_utc"))).asc(nulls_last=True),
            F("first_start_utc").desc(nulls_last=True),
            F("pk").asc(),
        )
        return ordered.search(terms, order_by_relevance=False)

    def load(self, request, results, terms):
        events = super().load(request, results, terms)
        now = timezone.now()
        for event in events:
            event.is_past = event.last_end_utc is not None and event.last_end_utc < now
        return events


def event_scopes():
    from .models import EventPage

    return [EventScope(EventPage, order=40)]
