"""The "Your submissions" panel of the member's dashboard (``civic_wagtail_dashboard_panels``)."""

from django.utils.translation import gettext_lazy as _

from civic_wagtail.members.dashboard import DashboardPanel

from .profile import status_label, submissions


class SubmissionsPanel(DashboardPanel):
    """The member's case studies and where each stands in review."""

    title = _("Your submissions")
    order = 50
    template_name = "civic_wagtail/library/includes/dashboard_submissions.html"
    name = "cw-dash-submissions"
    #: How many submissions the panel lists (the newest first).
    limit = 10

    def get_context_data(self):
        pages = list(submissions(self.request.user)[: self.limit + 1])
        for page in pages:
            page.status_label = status_label(page)
        return {"submissions": pages[: self.limit], "more": len(pages) > self.limit}


def submissions_dashboard_panel(request):
    if not request.user.is_authenticated:
        return None
    return SubmissionsPanel(request)
