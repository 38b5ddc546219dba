"""Re-validation: reviewed content is due for another review after REVIEW_DUE_MONTHS.

:func:`due_records` feeds the admin report; :func:`restart_overdue` is what the
``revalidate_reviews`` command runs from cron. It is idempotent: a record is marked when its
workflow is restarted (under a row lock, so overlapping runs cannot both start one), and a
page that is already in a workflow is left alone.
"""

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from civic_wagtail.conf import civic_settings

from . import notifications
from .models import ReviewRecord


def due_records(today=None):
    """Each page's latest record that is overdue or due within REVIEW_DUE_SOON_DAYS."""
    today = today or timezone.localdate()
    limit = today + datetime.timedelta(days=civic_settings.REVIEW_DUE_SOON_DAYS)
    return (
        ReviewRecord.objects.latest_per_page()
        .filter(review_due__lte=limit)
        .select_related("page")
        .order_by("review_due", "pk")
    )


def overdue_records(today=None):
    today = today or timezone.localdate()
    return ReviewRecord.objects.latest_per_page().filter(
        review_due__lte=today, revalidation_started_at__isnull=True
    )


@dataclass
class RevalidationResult:
    started: list = field(default_factory=list)
    skipped: list = field(default_factory=list)  # (page, reason)


def _workflow_for(record, page):
    workflow = page.get_workflow()
    if workflow is None and record.task_state_id:
        workflow = record.task_state.workflow_state.workflow
    return workflow if workflow is not None and workflow.active else None


def restart_overdue(today=None, dry_run=False):
    """Start the page's workflow again for every overdue record; notify the owners."""
    result = RevalidationResult()
    for pk in overdue_records(today).values_list("pk", flat=True):
        with transaction.atomic():
            record = (
                ReviewRecord.objects.select_for_update()
                .filter(pk=pk, revalidation_started_at__isnull=True)
                .first()
            )
            if record is None:  # another run got there first
                continue
            page = record.page.specific
            if page.workflow_states.active().exists():
                result.skipped.append((page, "already in a workflow"))
                continue
            workflow = _workflow_for(record, page)
            if workflow is None:
                result.skipped.append((page, "no active workflow applies to this page"))
                continue
            result.started.append(page)
            if dry_run:
                continue
            if page.get_latest_revision() is None:
                page.save_revision()
            workflow.start(page, user=None)
            record.revalidation_started_at = timezone.now()
            record.save(update_fields=["revalidation_started_at"])
            owners = [page.owner] if page.owner_id and page.owner.is_active else []
            notifications.revalidation_started(page, record, owners)
    return result
