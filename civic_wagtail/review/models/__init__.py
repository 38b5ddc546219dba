"""The review app's models: the peer-review workflow task and the records it keeps.

Workflow machinery (task, task state) lives in :mod:`.task`; what reviewers leave behind
(assignments, decisions, rubric scores, conflict declarations, the public record) in
:mod:`.records`.
"""

from .records import (
    ConflictDeclaration,
    ReviewAssignment,
    ReviewDecision,
    ReviewerObjectPermission,
    ReviewRecord,
    RubricScore,
)
from .task import REVIEW_PERMISSION, PeerReviewTask, PeerReviewTaskState

__all__ = [
    "REVIEW_PERMISSION",
    "ConflictDeclaration",
    "PeerReviewTask",
    "PeerReviewTaskState",
    "ReviewAssignment",
    "ReviewDecision",
    "ReviewRecord",
    "ReviewerObjectPermission",
    "RubricScore",
]
