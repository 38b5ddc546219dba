"""Choosing reviewers for a round, and the object permissions that let them act.

An assigned reviewer holds the ``review_peerreviewtaskstate`` permission on the round
(django-guardian, stored in :class:`~.models.ReviewerObjectPermission` with a real foreign
key). The permission is removed as soon as the round ends or the reviewer steps aside, and
disappears with the round if the page is deleted.
"""

from django.contrib.auth import get_user_model
from django.db import models
from django.utils import timezone
from guardian.shortcuts import assign_perm

from .models import (
    REVIEW_PERMISSION,
    ConflictDeclaration,
    ReviewAssignment,
    ReviewerObjectPermission,
)


def _authors(state):
    from .decisions import authors_of

    return authors_of(state)


def _topic_ids(state):
    """Topics of the submitted revision, for any page type that has ``topics``."""
    obj = state.revision.as_object() if state.revision_id else None
    topics = getattr(obj, "topics", None)
    if topics is None:
        return []
    return [topic.pk for topic in topics.all()]


def rank_candidates(task, state, exclude=()):
    """Members of the reviewer group, best first: most shared topics, then fewest open
    assignments, then oldest account (a stable tie-break)."""
    User = get_user_model()
    topic_ids = _topic_ids(state)
    return (
        User.objects.filter(groups=task.reviewer_group_id, is_active=True)
        .exclude(pk__in=exclude)
        .annotate(
            open_reviews=models.Count(
                "review_assignments",
                filter=models.Q(review_assignments__ended_at__isnull=True),
                distinct=True,
            ),
            expertise=models.Count(
                "civic_profile__topics",
                filter=models.Q(civic_profile__topics__in=topic_ids),
                distinct=True,
            ),
        )
        .order_by("-expertise", "open_reviews", "pk")
    )


def _assign(state, reviewer, reason):
    ReviewAssignment.objects.create(task_state=state, reviewer=reviewer, reason=reason)
    assign_perm(REVIEW_PERMISSION, reviewer, state)


def _conflicted_ids(state):
    return ConflictDeclaration.objects.filter(
        task_state__workflow_state_id=state.workflow_state_id, has_conflict=True
    ).values_list("reviewer_id", flat=True)


def assign_reviewers(task, state):
    """Assign reviewers to a new round and return the users to notify.

    Without automatic assignment every member of the group (but the authors) is asked.
    Otherwise reviewers of the previous round of the same workflow keep the submission
    (they know it), and the rest are chosen by :func:`rank_candidates`.
    """
    User = get_user_model()
    authors = _authors(state)
    if not task.reviewers_to_assign:
        return list(
            User.objects.filter(groups=task.reviewer_group_id, is_active=True)
            .exclude(pk__in=authors)
            .order_by("pk")
        )
    wanted = task.reviewers_to_assign
    excluded = set(authors) | set(_conflicted_ids(state))
    previous = (
        User.objects.filter(
            review_assignments__task_state__workflow_state_id=state.workflow_state_id,
            review_assignments__task_state__task_id=task.pk,
            groups=task.reviewer_group_id,
            is_active=True,
        )
        .exclude(pk__in=excluded)
        .distinct()
        .order_by("pk")[:wanted]
    )
    chosen = [(user, ReviewAssignment.Reason.PREVIOUS_ROUND) for user in previous]
    excluded |= {user.pk for user, _reason in chosen}
    for user in rank_candidates(task, state, exclude=excluded)[: wanted - len(chosen)]:
        reason = (
            ReviewAssignment.Reason.EXPERTISE if user.expertise else ReviewAssignment.Reason.LOAD
        )
        chosen.append((user, reason))
    for user, reason in chosen:
        _assign(state, user, reason)
    return [user for user, _reason in chosen]


def end_assignments(state, reviewer=None):
    """Close the round's open assignments (or one reviewer's) and revoke their permission."""
    assignments = ReviewAssignment.objects.filter(task_state=state, ended_at__isnull=True)
    permissions = ReviewerObjectPermission.objects.filter(content_object=state)
    if reviewer is not None:
        assignments = assignments.filter(reviewer=reviewer)
        permissions = permissions.filter(user=reviewer)
    assignments.update(ended_at=timezone.now())
    permissions.delete()


def replace_reviewer(task, state, reviewer):
    """Take ``reviewer`` off the round (a declared conflict) and assign the next best one.

    Returns the new reviewer, or ``None`` without automatic assignment or candidates.
    """
    was_assigned = ReviewAssignment.objects.filter(
        task_state=state, reviewer=reviewer, ended_at__isnull=True
    ).exists()
    end_assignments(state, reviewer=reviewer)
    if not (task.reviewers_to_assign and was_assigned):
        return None
    excluded = (
        set(_authors(state))
        | set(_conflicted_ids(state))
        | set(
            ReviewAssignment.objects.filter(task_state=state).values_list("reviewer_id", flat=True)
        )
    )
    replacement = rank_candidates(task, state, exclude=excluded).first()
    if replacement is not None:
        reason = (
            ReviewAssignment.Reason.EXPERTISE
            if replacement.expertise
            else ReviewAssignment.Reason.LOAD
        )
        _assign(state, replacement, reason)
    return replacement
