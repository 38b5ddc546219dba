"""The peer-review workflow task: k distinct reviewers of a group must approve.

Wagtail's workflow views do the plumbing: they ask :meth:`PeerReviewTask.get_actions` which
actions the current user has (and answer 403 for any other), validate the form from
:meth:`~PeerReviewTask.get_form_for_action`, and call :meth:`~PeerReviewTask.on_action`.
Everything that decides who may do what lives in :mod:`civic_wagtail.review.decisions`.
"""

from django.contrib.auth.models import Group
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import Task, TaskState

from civic_wagtail.conf import civic_settings

#: The object permission (on a review round) that lets an assigned reviewer act.
REVIEW_PERMISSION = "civic_wagtail_review.review_peerreviewtaskstate"


class PeerReviewTask(Task):
    """A workflow step completed when ``approvals_required`` reviewers have approved."""

    reviewer_group = models.ForeignKey(
        Group,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("reviewer group"),
        help_text=_("Members of this group review content at this step."),
    )
    approvals_required = models.PositiveSmallIntegerField(
        _("approvals required"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text=_("How many different reviewers must approve before the step completes."),
    )
    reviewers_to_assign = models.PositiveSmallIntegerField(
        _("reviewers to assign"),
        default=0,
        validators=[MaxValueValidator(50)],
        help_text=_(
            "Assign this many reviewers from the group automatically, preferring topic "
            "experts and those with the fewest open reviews; only they (and moderators) can "
            "act. 0 lets every member of the group review."
        ),
    )
    criteria = models.TextField(
        _("rubric criteria"),
        blank=True,
        help_text=_(
            "One criterion per line. Leave empty for the site's default rubric (clear "
            "language, complete steps, evidence, transferability, no personal data)."
        ),
    )

    admin_form_fields = Task.admin_form_fields + [
        "reviewer_group",
        "approvals_required",
        "reviewers_to_assign",
        "criteria",
    ]

    class Meta:
        verbose_name = _("peer review task")
        verbose_name_plural = _("peer review tasks")

    @classmethod
    def get_description(cls):
        return _("Several reviewers from a group approve, scoring a rubric; k of n completes it")

    def get_criteria(self):
        """The rubric as ``[(key, label), ...]``."""
        from django.utils.text import slugify

        lines = [line.strip() for line in self.criteria.splitlines() if line.strip()]
        if not lines:
            return [(key, str(label)) for key, label in civic_settings.REVIEW_RUBRIC_CRITERIA]
        return [(slugify(line)[:60] or f"criterion-{i}", line) for i, line in enumerate(lines)]

    # Wagtail workflow API -------------------------------------------------------------

    @classmethod
    def get_task_state_class(cls):
        return PeerReviewTaskState

    @transaction.atomic
    def start(self, workflow_state, user=None):
        from .. import assignment, notifications

        state = super().start(workflow_state, user=user)
        reviewers = assignment.assign_reviewers(self, state)
        notifications.review_requested(state, reviewers)
        return state

    def get_actions(self, obj, user):
        from ..decisions import actions_for

        state = self.current_state_for(obj)
        if state is None:
            return []
        return actions_for(state, user)

    def get_form_for_action(self, action):
        from .. import forms

        return forms.form_for_action(self, action)

    def on_action(self, task_state, user, action_name, **kwargs):
        from ..decisions import act

        return act(task_state, user, action_name, **kwargs)

    def user_can_access_editor(self, obj, user):
        # Reviewers read the submission in the editor, as with Wagtail's group approval.
        return bool(self.get_actions(obj, user))

    def locked_for_user(self, obj, user):
        # Authors may keep improving their text during review; edits reset approvals when
        # REVIEW_RESET_ON_EDIT (or Wagtail's re-approval setting) says so.
        return False

    def get_task_states_user_can_moderate(self, user, **kwargs):
        from ..decisions import waiting_for

        return TaskState.objects.filter(pk__in=waiting_for(user).filter(task=self).values("pk"))

    def current_state_for(self, obj):
        """The in-progress round of this task on ``obj`` (any page), or ``None``."""
        return (
            PeerReviewTaskState.objects.filter(
                task=self,
                status=TaskState.STATUS_IN_PROGRESS,
                workflow_state__base_content_type=obj.get_base_content_type(),
                workflow_state__object_id=str(obj.pk),
            )
            .select_related("workflow_state")
            .first()
        )


class PeerReviewTaskState(TaskState):
    """One round of peer review of one revision. A request for changes ends the round; the
    author's resubmission starts a new one with the same reviewers."""

    #: Copied from the task when the round starts, so changing the task does not move the
    #: goalposts of reviews in progress.
    approvals_required = models.PositiveSmallIntegerField(_("approvals required"))

    class Meta:
        verbose_name = _("peer review round")
        verbose_name_plural = _("peer review rounds")
        permissions = [("review_peerreviewtaskstate", _("Can review this submission"))]

    def save(self, *args, **kwargs):
        if self.approvals_required is None:
            self.approvals_required = self.task.specific.approvals_required
        return super().save(*args, **kwargs)
