"""The "Events you attend" panel of the member's dashboard (``civic_wagtail_dashboard_panels``)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civic_wagtail.members.dashboard import DashboardPanel

from .listing import absolute_url, webcal
from .models import CalendarToken, EventAttendance


class EventsPanel(DashboardPanel):
    """Upcoming events the member registered for or follows, and their personal feed."""

    title = _("Events you attend")
    order = 40
    template_name = "civic_wagtail/events/includes/dashboard_panel.html"
    name = "cw-dash-events"
    #: How many upcoming events the panel lists (soonest first).
    limit = 10

    def get_context_data(self):
        user = self.request.user
        token = CalendarToken.for_user(user)
        url = absolute_url(
            self.request, reverse("civic_wagtail_events:member_feed", args=[token.token])
        )
        now = timezone.now()
        attendance = list(
            EventAttendance.objects.filter(user=user, page__live=True)
            .exclude(page__last_end_utc__lt=now)
            .select_related("page")
            .order_by("page__first_start_utc", "pk")[: self.limit]
        )
        return {"feed_url": url, "webcal_url": webcal(url), "attendance": attendance}


def events_dashboard_panel(request):
    if not request.user.is_authenticated:
        return None
    return EventsPanel(request)
