"""Admin screens: the re-validation report and the "reviews waiting for you" panel."""

import datetime

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from .decisions import waiting_for
from .models import ReviewDecision, ReviewRecord
from .revalidation import due_records


class StatusColumn(Column):
    def get_value(self, instance):
        if instance.revalidation_started_at:
            return _("Re-validation in progress")
        if instance.review_due <= timezone.localdate():
            return _("Overdue")
        return _("Due soon")


class ReviewDueReportView(ReportView):
    """Reviewed content that is due (within REVIEW_DUE_SOON_DAYS) or overdue."""

    model = ReviewRecord
    permission_policy = ModelPermissionPolicy(ReviewRecord)
    permission_required = "view"
    page_title = _("Reviews due")
    header_icon = "calendar-alt"
    index_url_name = "civic_wagtail_review_due"
    index_results_url_name = "civic_wagtail_review_due_results"
    list_export = ["page.title", "reviewed_at", "review_due", "reviewer_count"]
    export_headings = {
        "page.title": _("Title"),
        "reviewed_at": _("Reviewed"),
        "review_due": _("Review due"),
        "reviewer_count": _("Reviewers"),
    }
    columns = [
        TitleColumn(
            "page",
            label=_("Title"),
            accessor="page.title",
            get_url=lambda record: reverse("wagtailadmin_pages:edit", args=[record.page_id]),
        ),
        DateColumn("reviewed_at", label=_("Reviewed")),
        Column("review_due", label=_("Review due")),
        StatusColumn("status", label=_("Status")),
        Column("reviewer_count", label=_("Reviewers")),
    ]

    def get_queryset(self):
        return due_records()

    def get_filename(self):
        return f"reviews-due-{datetime.date.today():%Y-%m-%d}"


class ReviewsWaitingPanel(Component):
    """Dashboard panel: review rounds where the current user still has to act."""

    name = "civic_reviews_waiting"
    template_name = "civic_wagtail/review/dashboard_panel.html"
    order = 90
    limit = 20

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        states = (
            waiting_for(self.request.user)
            .select_related("revision", "workflow_state")
            .annotate(
                approvals=models.Count(
                    "decisions",
                    filter=models.Q(decisions__decision=ReviewDecision.Decision.APPROVE),
                )
            )
            .order_by("started_at", "pk")[: self.limit]
        )
        items = [
            {
                "title": state.revision.object_str,
                "edit_url": reverse(
                    "wagtailadmin_pages:edit", args=[state.workflow_state.object_id]
                ),
                "started_at": state.started_at,
                "approvals": state.approvals,
                "required": state.approvals_required,
            }
            for state in states
        ]
        return {"items": items, "request": self.request}
