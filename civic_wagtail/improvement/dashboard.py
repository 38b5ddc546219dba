"""This app's panels on the member's dashboard (``civic_wagtail_dashboard_panels``): the
latest assessment, active goals with their state, adoption trackers. Each costs a constant
number of queries whatever the number of records (a limit and annotations)."""

from django.utils.translation import gettext_lazy as _

from civic_wagtail.members.dashboard import DashboardPanel
from civic_wagtail.sections import section_page

from .models import AdoptionTracker, Assessment, Goal
from .progress import attach_states, with_progress

LIMIT = 5


def _base(request):
    from .pages import ImprovementPage

    page = section_page(request, ImprovementPage)
    if page is None:
        return None
    return (page.get_url(request) or "/").rstrip("/") + "/"


def summary(request):
    """Latest assessment, active goals (with state) and trackers of the signed-in member."""
    user = request.user
    latest = (
        Assessment.objects.filter(user=user)
        .select_related("framework")
        .order_by("-created_at", "-pk")
        .first()
    )
    goals = attach_states(
        with_progress(Goal.objects.filter(user=user, status=Goal.Status.ACTIVE)).order_by(
            "due_date", "-pk"
        )[: LIMIT + 1]
    )
    trackers = list(
        AdoptionTracker.objects.filter(user=user).order_by("-created_at", "-pk")[: LIMIT + 1]
    )
    return {
        "latest": latest,
        "goals": goals[:LIMIT],
        "more_goals": len(goals) > LIMIT,
        "trackers": trackers[:LIMIT],
        "more_trackers": len(trackers) > LIMIT,
    }


class ImprovementPanel(DashboardPanel):
    template_name = "civic_wagtail/improvement/includes/dashboard_panel.html"

    def __init__(self, request, base, context, part, **kwargs):
        super().__init__(request, **kwargs)
        self.base = base
        self.context = context
        self.part = part

    def get_context_data(self):
        return {**self.context, "base": self.base, "part": self.part}


def dashboard_panels(request):
    """Three panels share one :func:`summary` (computed once per request)."""
    if not request.user.is_authenticated:
        return None
    base = _base(request)
    if base is None:
        return None
    cached = getattr(request, "_civic_improvement_summary", None)
    if cached is None:
        cached = request._civic_improvement_summary = summary(request)
    return cached, base


def _panel(part, title, order):
    """A dashboard hook that shows one ``part`` of the member's summary (computed once per
    request for all three panels)."""

    def panel(request):
        found = dashboard_panels(request)
        if found is None:
            return None
        summary_, base = found
        return ImprovementPanel(
            request, base, summary_, part, title=title, order=order,
            name=f"cw-dash-improvement-{part}",
        )

    panel.__name__ = f"{part}_panel"
    return panel


assessment_panel = _panel("assessment", _("Your latest self-assessment"), 40)
goals_panel = _panel("goals", _("Your active goals"), 41)
trackers_panel = _panel("trackers", _("Your adoption trackers"), 42)
