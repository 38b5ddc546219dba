"""The "Reviews waiting for you" panel of the dashboard (``civic_wagtail_dashboard_panels``).

The same rounds as the admin's home panel (:func:`~.decisions.waiting_for`), linked into the
admin with absolute URLs from ``WAGTAILADMIN_BASE_URL``.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from civic_wagtail import mail, roles
from civic_wagtail.members.dashboard import DashboardPanel

from .decisions import waiting_for
from .models import ReviewDecision


class ReviewsWaitingPanel(DashboardPanel):
    title = _("Reviews waiting for you")
    order = 10
    template_name = "civic_wagtail/review/dashboard_member_panel.html"
    name = "cw-dash-reviews"
    #: How many rounds the panel lists (the oldest first: they have waited longest).
    limit = 10

    def get_context_data(self):
        states = list(
            waiting_for(self.request.user)
            .select_related("revision", "workflow_state")
            .annotate(
                approvals=models.Count(
                    "decisions",
                    filter=models.Q(decisions__decision=ReviewDecision.Decision.APPROVE),
                )
            )
            .order_by("started_at", "pk")[: self.limit + 1]
        )
        items = [
            {
                "title": state.revision.object_str,
                "edit_url": mail.admin_url(
                    reverse("wagtailadmin_pages:edit", args=[state.workflow_state.object_id])
                ),
                "started_at": state.started_at,
                "approvals": state.approvals,
                "required": state.approvals_required,
            }
            for state in states[: self.limit]
        ]
        return {
            "items": items,
            "more": len(states) > self.limit,
            "admin_home": mail.admin_url(reverse("wagtailadmin_home")),
        }


def reviews_dashboard_panel(request):
    """Shown to reviewers and moderators only: other members review nothing."""
    user = request.user
    if not user.is_authenticated:
        return None
    if not (
        user.is_superuser
        or roles.user_has_role(user, roles.REVIEWERS)
        or roles.user_has_role(user, roles.MODERATORS)
    ):
        return None
    return ReviewsWaitingPanel(request)
