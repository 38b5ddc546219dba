"""What happens when a workflow that contains peer review finishes.

Wagtail publishes the approved object as the user who gave the last approval and checks that
user's publish permission. Peer reviewers are practitioners, not editors with publish rights:
the site's administrators granted the right to publish by putting a peer-review task in the
workflow. Set ``WAGTAIL_FINISH_WORKFLOW_ACTION =
"civic_wagtail.review.workflows.publish_workflow_state"``; workflows without peer review are
published exactly as Wagtail does.
"""

from wagtail.workflows import publish_workflow_state as wagtail_publish_workflow_state


def has_peer_review(workflow):
    from .models import PeerReviewTask

    return PeerReviewTask.objects.filter(workflow_tasks__workflow=workflow).exists()


def publish_workflow_state(workflow_state, user=None):
    if not has_peer_review(workflow_state.workflow):
        return wagtail_publish_workflow_state(workflow_state, user=user)
    revision = workflow_state.content_object.get_latest_revision()
    return revision.publish(user=user, skip_permission_checks=True)
