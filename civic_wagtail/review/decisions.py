"""Who may act on a review round, and what each action records.

Every rule is checked twice: by :func:`actions_for`, which Wagtail's workflow views consult
before anything happens (an action that is not offered is a 403), and again in :func:`act`
under a row lock on the round, so that two reviewers approving at the same moment are
counted one after the other and the round completes exactly once.
"""

import swapper
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.db import models, transaction
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from guardian.shortcuts import get_objects_for_user
from wagtail.log_actions import log
from wagtail.models import Revision, TaskState

from civic_wagtail import roles

from . import assignment, notifications
from .conf import reset_on_edit
from .models import (
    REVIEW_PERMISSION,
    ConflictDeclaration,
    PeerReviewTask,
    PeerReviewTaskState,
    ReviewDecision,
    RubricScore,
)
from .public_record import create_record

APPROVE = "approve"
REQUEST_CHANGES = "reject"  # Wagtail's name for "send back to the author"
DECLARE_CONFLICT = "declare_conflict"

Page = swapper.load_model("wagtailcore", "Page")


def authors_of(state):
    """Ids of the users who wrote the submission: its submitter and the page's owner."""
    workflow_state = state.workflow_state
    page = workflow_state.content_object
    ids = {workflow_state.requested_by_id, getattr(page, "owner_id", None)}
    ids.discard(None)
    return ids


def is_moderator(user):
    return user.is_superuser or roles.user_has_role(user, roles.MODERATORS)


def may_review(state, user):
    """Whether ``user`` is one of this round's reviewers (conflicts aside)."""
    if not (user.is_authenticated and user.is_active) or user.pk in authors_of(state):
        return False
    if is_moderator(user):
        return True
    task = state.task.specific
    if task.reviewers_to_assign:
        # Assigned reviewers hold a django-guardian permission on the round.
        return user.has_perm(REVIEW_PERMISSION, state)
    return user.groups.filter(pk=task.reviewer_group_id).exists()


def has_conflict(state, user):
    """A declared conflict covers every round of the same workflow."""
    return ConflictDeclaration.objects.filter(
        task_state__workflow_state_id=state.workflow_state_id, reviewer=user, has_conflict=True
    ).exists()


def current_revision_id(state):
    return state.workflow_state.content_object.latest_revision_id


def valid_approvals(state):
    """Approvals that count: all of the round's, or only those of the latest revision."""
    approvals = state.decisions.filter(decision=ReviewDecision.Decision.APPROVE)
    if reset_on_edit():
        approvals = approvals.filter(revision_id=current_revision_id(state))
    return approvals


def actions_for(state, user):
    """Wagtail's ``get_actions`` answer for ``user`` on the round ``state``."""
    if (
        state.status != TaskState.STATUS_IN_PROGRESS
        or not may_review(state, user)
        or has_conflict(state, user)
        or valid_approvals(state).filter(reviewer=user).exists()
    ):
        return []
    return [
        (REQUEST_CHANGES, _("Request changes"), True),
        (APPROVE, _("Approve"), True),
        (DECLARE_CONFLICT, _("Declare a conflict of interest"), True),
    ]


@transaction.atomic
def act(task_state, user, action_name, **data):
    """Perform ``action_name`` for ``user``; ``PermissionDenied`` (403) if not allowed now."""
    from .forms import form_for_action

    state = PeerReviewTaskState.objects.select_for_update().get(pk=task_state.pk)
    if action_name not in {name for name, _label, _modal in actions_for(state, user)}:
        raise PermissionDenied
    task = state.task.specific
    # Wagtail's editor posts the modal's data as JSON the browser could have altered:
    # validate it again rather than trust it.
    form = form_for_action(task, action_name)(data=data)
    if not form.is_valid():
        raise SuspiciousOperation(f"Invalid review data: {form.errors.as_json()}")
    handler = {APPROVE: _approve, REQUEST_CHANGES: _request_changes}.get(
        action_name, _declare_conflict
    )
    handler(state, task, user, form.cleaned_data)


def _log(state, user, action, data):
    page = state.workflow_state.content_object
    log(instance=page.specific, action=action, user=user, data=data, revision=state.revision)


def _approve(state, task, user, data):
    ConflictDeclaration.objects.create(task_state=state, reviewer=user, has_conflict=False)
    decision = ReviewDecision.objects.create(
        task_state=state,
        reviewer=user,
        revision_id=current_revision_id(state),
        decision=ReviewDecision.Decision.APPROVE,
        comment=data.get("comment", ""),
    )
    RubricScore.objects.bulk_create(
        RubricScore(decision=decision, criterion=key, label=label, score=data[f"score__{key}"])
        for key, label in task.get_criteria()
    )
    count = valid_approvals(state).count()
    _log(
        state,
        user,
        "civic_wagtail_review.approve",
        {"approvals": count, "required": state.approvals_required},
    )
    if count >= state.approvals_required:
        record = create_record(state)
        # The round approves the text the reviewers read last; with re-approval on edit,
        # Wagtail only counts a task as done for the latest revision.
        state.revision_id = decision.revision_id
        state.approve(user=user, comment=decision.comment)
        notifications.review_completed(state, record)
    else:
        notifications.approval_recorded(state, decision, count)


def _request_changes(state, task, user, data):
    decision = ReviewDecision.objects.create(
        task_state=state,
        reviewer=user,
        revision_id=current_revision_id(state),
        decision=ReviewDecision.Decision.REQUEST_CHANGES,
        comment=data["comment"],
    )
    _log(state, user, "civic_wagtail_review.request_changes", {"comment": decision.comment})
    state.reject(user=user, comment=decision.comment)
    notifications.changes_requested(state, decision)


def _declare_conflict(state, task, user, data):
    ConflictDeclaration.objects.create(
        task_state=state, reviewer=user, has_conflict=True, details=data["details"]
    )
    _log(state, user, "civic_wagtail_review.conflict", {})
    replacement = assignment.replace_reviewer(task, state, user)
    if replacement:
        notifications.review_requested(state, [replacement])


def waiting_for(user):
    """In-progress rounds where ``user`` still has something to do (dashboard, moderation)."""
    states = PeerReviewTaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS)
    if not (user.is_authenticated and user.is_active):
        return states.none()
    if not is_moderator(user):
        assigned = get_objects_for_user(
            user, REVIEW_PERMISSION, klass=states, accept_global_perms=False
        )
        open_tasks = PeerReviewTask.objects.filter(
            reviewers_to_assign=0, reviewer_group__in=user.groups.all()
        )
        states = states.filter(
            models.Q(pk__in=assigned.values("pk")) | models.Q(task__in=open_tasks.values("pk"))
        )
    own_pages = (
        Page.objects.filter(owner=user).annotate(key=Cast("pk", models.CharField())).values("key")
    )
    approved = ReviewDecision.objects.filter(
        task_state=models.OuterRef("pk"), reviewer=user, decision=ReviewDecision.Decision.APPROVE
    )
    if reset_on_edit():
        newer = Revision.objects.filter(
            base_content_type_id=models.OuterRef("revision__base_content_type_id"),
            object_id=models.OuterRef("revision__object_id"),
            pk__gt=models.OuterRef("revision_id"),
        )
        approved = approved.exclude(models.Exists(newer))
    conflicted = ConflictDeclaration.objects.filter(
        task_state__workflow_state_id=models.OuterRef("workflow_state_id"),
        reviewer=user,
        has_conflict=True,
    )
    return (
        states.exclude(workflow_state__requested_by=user)
        .exclude(workflow_state__object_id__in=own_pages)
        .exclude(models.Exists(approved))
        .exclude(models.Exists(conflicted))
    )
