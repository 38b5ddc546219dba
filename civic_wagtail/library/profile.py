"""The member's "your contributions" panel on their profile: case studies and best practices,
with each submission's status."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, WorkflowState

from .models import BestPracticePage, CaseStudyPage

STATUS_LABELS = {
    WorkflowState.STATUS_IN_PROGRESS: _("In review"),
    WorkflowState.STATUS_APPROVED: _("Approved"),
    WorkflowState.STATUS_NEEDS_CHANGES: _("Changes requested"),
    WorkflowState.STATUS_CANCELLED: _("Review cancelled"),
}


def submissions(user):
    """The member's case studies and practices, newest first, with their latest workflow
    status."""
    latest_state = (
        WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id=Cast(OuterRef("pk"), CharField()),
        )
        .order_by("-created_at")
        .values("status")[:1]
    )
    return (
        Page.objects.type(CaseStudyPage, BestPracticePage)
        .filter(owner=user)
        .annotate(workflow_status=Subquery(latest_state))
        .only("title", "live", "url_path", "latest_revision_created_at", "has_unpublished_changes")
        .order_by("-latest_revision_created_at", "-pk")
    )


def status_label(page):
    if page.live:
        if page.has_unpublished_changes:
            return _("Published, edits pending")
        return _("Published")
    return STATUS_LABELS.get(page.workflow_status, _("Draft"))


def submissions_panel(request, profile):
    pages = list(submissions(profile.user))
    for page in pages:
        page.status_label = status_label(page)
    return render_to_string(
        "civic_wagtail/library/includes/profile_submissions.html",
        {"submissions": pages, "request": request},
        request=request,
    )
