"""The public review record: created when a review completes, shown on the page."""

from collections import defaultdict

from dateutil.relativedelta import relativedelta
from django.db.models import DateTimeField, OuterRef, Subquery
from django.template.loader import render_to_string
from django.utils import timezone

from civic_wagtail.conf import civic_settings

from .models import ReviewRecord, RubricScore


def reviewer_name(user):
    if user is None:
        return ""
    from civic_wagtail.members.models import get_profile

    return str(get_profile(user))


def create_record(state):
    """Freeze the outcome of a completed round into a :class:`ReviewRecord`.

    Returns ``None`` for content that is not a page (a snippet workflow): records are pages'.
    """
    from wagtail.models import Page

    from .decisions import current_revision_id, valid_approvals

    if not isinstance(state.workflow_state.content_object, Page):
        return None

    approvals = list(
        valid_approvals(state).select_related("reviewer__civic_profile").order_by("created_at")
    )
    totals = defaultdict(list)
    labels = {}
    for score in RubricScore.objects.filter(decision__in=[a.pk for a in approvals]).order_by("pk"):
        totals[score.criterion].append(score.score)
        labels.setdefault(score.criterion, score.label)
    summary = [
        {
            "criterion": key,
            "label": labels[key],
            "average": round(sum(values) / len(values), 1),
        }
        for key, values in totals.items()
    ]
    now = timezone.now()
    return ReviewRecord.objects.create(
        page_id=int(state.workflow_state.object_id),
        task_state=state,
        revision_id=current_revision_id(state),
        reviewed_at=now,
        review_due=(
            timezone.localtime(now) + relativedelta(months=civic_settings.REVIEW_DUE_MONTHS)
        ).date(),
        reviewer_count=len(approvals),
        reviewer_names=[reviewer_name(a.reviewer) for a in approvals],
        rubric_summary=summary,
    )


def latest_record(page):
    """The newest record of ``page`` or of any of its translations (the same content)."""
    records = ReviewRecord.objects.order_by("-reviewed_at", "-pk")
    if getattr(page, "translation_key", None):
        return records.filter(page__translation_key=page.translation_key).first()
    return records.filter(page_id=page.pk).first()


def reviewed_at_expression():
    """When the outer page (or a translation of it) was last peer reviewed, for ``annotate``.

    Registered as the ``civic_wagtail_peer_reviewed_at`` hook: listings of other apps add it
    to the query they already run, so a "Peer reviewed" mark costs no query per item.
    """
    records = ReviewRecord.objects.filter(
        page__translation_key=OuterRef("translation_key")
    ).order_by("-reviewed_at", "-pk")
    return Subquery(records.values("reviewed_at")[:1], output_field=DateTimeField())


def render_record(request, page):
    """HTML of ``page``'s latest review record, or ``None`` (the page panel hook)."""
    record = latest_record(page)
    if record is None:
        return None
    return render_to_string(
        "civic_wagtail/review/record.html",
        {
            "record": record,
            "page": page,
            "show_names": civic_settings.REVIEW_PUBLIC_REVIEWER_NAMES,
            "score_max": civic_settings.REVIEW_SCORE_MAX,
        },
        request=request,
    )
