"""The "Your mentorships" panel of the member's dashboard (``civic_wagtail_dashboard_panels``)."""

from django.utils.translation import gettext_lazy as _

from civic_wagtail.members.dashboard import DashboardPanel
from civic_wagtail.members.models import get_profile

from .panels import profile_panel_context


class MentorshipsPanel(DashboardPanel):
    """Mentorships and open requests, as mentor or mentee, the newest first."""

    title = _("Your mentorships and requests")
    order = 30
    template_name = "civic_wagtail/mentoring/includes/dashboard_panel.html"
    name = "cw-dash-mentoring"
    #: How many mentorships the panel lists.
    limit = 10

    def __init__(self, request, context):
        super().__init__(request)
        self.context = context

    def get_context_data(self):
        rows = list(self.context["mentorships"].order_by("-pk")[: self.limit + 1])
        return {**self.context, "mentorships": rows[: self.limit], "more": len(rows) > self.limit}


def mentorships_dashboard_panel(request):
    if not request.user.is_authenticated:
        return None
    context = profile_panel_context(request, get_profile(request.user))
    if context is None:
        return None
    return MentorshipsPanel(request, context)
