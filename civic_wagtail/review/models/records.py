"""What a peer review leaves behind: assignments, decisions, scores, declarations, records."""

import swapper
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from guardian.models import UserObjectPermissionBase


class ReviewerObjectPermission(UserObjectPermissionBase):
    """django-guardian's object permission with a real foreign key to the review round.

    Guardian's generic table stores ``object_pk`` as text with no foreign key, so deleting a
    page (and with it its workflow and task states) would leave permission rows behind. A
    direct foreign key makes the database delete them with the review round.
    """

    content_object = models.ForeignKey(
        "civic_wagtail_review.PeerReviewTaskState", on_delete=models.CASCADE
    )

    class Meta(UserObjectPermissionBase.Meta):
        verbose_name = _("reviewer permission")
        verbose_name_plural = _("reviewer permissions")


class ReviewAssignment(models.Model):
    """A reviewer asked to review one round (task state). Ended when the round finishes."""

    class Reason(models.TextChoices):
        EXPERTISE = "expertise", _("Knows the topic")
        LOAD = "load", _("Fewest open reviews")
        PREVIOUS_ROUND = "previous_round", _("Reviewed the previous version")

    task_state = models.ForeignKey(
        "civic_wagtail_review.PeerReviewTaskState",
        on_delete=models.CASCADE,
        related_name="assignments",
        verbose_name=_("review round"),
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="review_assignments",
        verbose_name=_("reviewer"),
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    assigned_at = models.DateTimeField(_("assigned at"), auto_now_add=True)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("review assignment")
        verbose_name_plural = _("review assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["task_state", "reviewer"], name="civic_review_one_assignment"
            )
        ]

    def __str__(self):
        return f"{self.reviewer} → {self.task_state_id}"


class ReviewDecision(models.Model):
    """One reviewer's approval or request for changes in one round."""

    class Decision(models.TextChoices):
        APPROVE = "approve", _("Approved")
        REQUEST_CHANGES = "request_changes", _("Requested changes")

    task_state = models.ForeignKey(
        "civic_wagtail_review.PeerReviewTaskState",
        on_delete=models.CASCADE,
        related_name="decisions",
        verbose_name=_("review round"),
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="review_decisions",
        verbose_name=_("reviewer"),
    )
    #: The revision the reviewer read: approvals on older revisions stop counting when
    #: approvals reset on edit.
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("revision"),
    )
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices)
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("decided at"), auto_now_add=True)

    class Meta:
        verbose_name = _("review decision")
        verbose_name_plural = _("review decisions")
        ordering = ["created_at", "pk"]
        constraints = [
            # The last line of defence against a double approval (the task checks first,
            # under a row lock).
            models.UniqueConstraint(
                fields=["task_state", "reviewer", "revision"],
                condition=models.Q(decision="approve"),
                name="civic_review_one_approval_per_revision",
            )
        ]

    def __str__(self):
        return f"{self.get_decision_display()} by {self.reviewer}"

    @property
    def submission(self):
        """Title of the reviewed content as submitted (no query with ``task_state__revision``)."""
        return self.task_state.revision.object_str


class RubricScore(models.Model):
    """A reviewer's score for one rubric criterion, kept with the label they saw."""

    decision = models.ForeignKey(ReviewDecision, on_delete=models.CASCADE, related_name="scores")
    criterion = models.SlugField(_("criterion"), max_length=60)
    label = models.CharField(_("label"), max_length=200)
    score = models.PositiveSmallIntegerField(_("score"))

    class Meta:
        verbose_name = _("rubric score")
        verbose_name_plural = _("rubric scores")
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "criterion"], name="civic_review_one_score_per_criterion"
            )
        ]

    def __str__(self):
        return f"{self.label}: {self.score}"


class ConflictDeclaration(models.Model):
    """A reviewer's statement about conflicts of interest, made before approving.

    Approving records ``has_conflict=False``; declaring a conflict records ``True`` and takes
    the reviewer off the submission for the rest of its workflow.
    """

    task_state = models.ForeignKey(
        "civic_wagtail_review.PeerReviewTaskState",
        on_delete=models.CASCADE,
        related_name="conflict_declarations",
        verbose_name=_("review round"),
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="review_conflict_declarations",
        verbose_name=_("reviewer"),
    )
    has_conflict = models.BooleanField(_("has a conflict of interest"))
    details = models.TextField(_("details"), blank=True)
    created_at = models.DateTimeField(_("declared at"), auto_now_add=True)

    class Meta:
        verbose_name = _("conflict of interest declaration")
        verbose_name_plural = _("conflict of interest declarations")

    def __str__(self):
        return f"{self.reviewer}: {'conflict' if self.has_conflict else 'no conflict'}"


class ReviewRecordQuerySet(models.QuerySet):
    def latest_per_page(self):
        """Only each page's most recent record."""
        newer = ReviewRecord.objects.filter(
            page_id=models.OuterRef("page_id"), reviewed_at__gt=models.OuterRef("reviewed_at")
        )
        return self.exclude(models.Exists(newer))


class ReviewRecord(models.Model):
    """The public outcome of a completed peer review of a page.

    Names and rubric averages are copied when the review completes, so the public record
    shows what was true then and renders with a single query.
    """

    page = models.ForeignKey(
        swapper.get_model_name("wagtailcore", "Page"),
        on_delete=models.CASCADE,
        related_name="civic_review_records",
        verbose_name=_("page"),
    )
    task_state = models.OneToOneField(
        "civic_wagtail_review.PeerReviewTaskState",
        null=True,
        on_delete=models.SET_NULL,
        related_name="record",
        verbose_name=_("review round"),
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("reviewed revision"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), db_index=True)
    review_due = models.DateField(_("review due"), db_index=True)
    reviewer_count = models.PositiveSmallIntegerField(_("number of reviewers"))
    #: Display names of the approving reviewers, in the order they approved.
    reviewer_names = models.JSONField(_("reviewers"), default=list)
    #: ``[{"criterion": key, "label": label, "average": 4.5}, ...]``
    rubric_summary = models.JSONField(_("rubric summary"), default=list)
    #: Set when the re-validation command restarted the workflow for this record.
    revalidation_started_at = models.DateTimeField(
        _("re-validation started"), null=True, blank=True
    )

    objects = ReviewRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("review record")
        verbose_name_plural = _("review records")
        ordering = ["-reviewed_at", "-pk"]
        get_latest_by = "reviewed_at"

    def __str__(self):
        return f"{self.page} reviewed {self.reviewed_at:%Y-%m-%d}"

    @property
    def is_overdue(self):
        from django.utils import timezone

        return self.review_due <= timezone.localdate()
