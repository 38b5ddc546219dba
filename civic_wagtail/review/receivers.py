"""Signal receivers: a round that ends, however it ends, revokes its reviewers' access; and
Wagtail's own workflow emails stay quiet where the peer-review task sends its own."""

from wagtail.models import WorkflowState
from wagtail.signals import (
    task_approved,
    task_cancelled,
    task_rejected,
    workflow_approved,
    workflow_rejected,
    workflow_submitted,
)

from .models import PeerReviewTaskState


def end_round(sender, instance, **kwargs):
    from .assignment import end_assignments

    end_assignments(instance)


#: Wagtail's workflow notifiers (wagtail.admin.signal_handlers), by signal and dispatch uid.
WAGTAIL_NOTIFIERS = {
    workflow_submitted: ("workflow_state_submitted_email_notification", "submission"),
    workflow_approved: ("workflow_state_approved_email_notification", "approval"),
    workflow_rejected: ("workflow_state_rejected_email_notification", "rejection"),
}


def is_peer_review_step(workflow_state):
    """Whether the step a workflow event comes from is a peer-review task: the first task on
    submission, the last one approved on approval, the rejecting one on rejection."""
    from .models import PeerReviewTask

    task_state = workflow_state.current_task_state
    return task_state is not None and isinstance(task_state.task.specific, PeerReviewTask)


def unless_peer_review(notifier):
    """Wagtail's ``notifier``, silent for the steps of a peer-review task: reviewers are asked,
    and authors told of each decision and of the outcome, by this app's own emails
    (``civic_wagtail.review.notifications``); every other workflow keeps Wagtail's."""

    def notify(sender, instance, **kwargs):
        if is_peer_review_step(instance):
            return None
        return notifier(sender=sender, instance=instance, **kwargs)

    return notify


def quiet_wagtail_duplicates():
    from wagtail.admin import signal_handlers

    for signal, (uid, name) in WAGTAIL_NOTIFIERS.items():
        notifier = getattr(signal_handlers, f"workflow_{name}_email_notifier")
        signal.disconnect(sender=WorkflowState, dispatch_uid=uid)
        # Under Wagtail's own uid, so whichever app is ready first, only this one is connected.
        signal.connect(
            unless_peer_review(notifier), sender=WorkflowState, dispatch_uid=uid, weak=False
        )


def reassign_closed_account(sender, user, **kwargs):
    """A deactivated (or deleted) reviewer's open assignments go to the next best reviewers,
    who are asked by email; the reviewer's permission on each round is revoked."""
    from . import notifications
    from .assignment import replace_reviewer
    from .models import ReviewAssignment

    open_rounds = ReviewAssignment.objects.filter(reviewer=user, ended_at__isnull=True)
    for assignment in open_rounds.select_related("task_state"):
        state = assignment.task_state
        replacement = replace_reviewer(state.task.specific, state, user)
        if replacement is not None:
            notifications.review_requested(state, [replacement])


def connect():
    from civic_wagtail.accounts import account_closed

    account_closed.connect(reassign_closed_account, dispatch_uid="civic_wagtail_review.closed")
    quiet_wagtail_duplicates()
    for signal in (task_approved, task_rejected, task_cancelled):
        signal.connect(
            end_round,
            sender=PeerReviewTaskState,
            dispatch_uid=f"civic_wagtail_review.end_round.{id(signal)}",
        )
