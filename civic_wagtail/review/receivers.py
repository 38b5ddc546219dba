"""Signal receivers: a round that ends, however it ends, revokes its reviewers' access."""

from wagtail.signals import task_approved, task_cancelled, task_rejected

from .models import PeerReviewTaskState


def end_round(sender, instance, **kwargs):
    from .assignment import end_assignments

    end_assignments(instance)


def connect():
    for signal in (task_approved, task_rejected, task_cancelled):
        signal.connect(
            end_round,
            sender=PeerReviewTaskState,
            dispatch_uid=f"civic_wagtail_review.end_round.{id(signal)}",
        )
