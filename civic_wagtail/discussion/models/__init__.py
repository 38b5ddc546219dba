"""Models of the discussion app: forum pages, threads (records) and moderation state."""

from .forum import CommentableMixin, ForumIndexPage, ForumTopicPage
from .moderation import CommentModeration, CommentReport, PostingBlock, ReportReason
from .threads import Thread, ThreadReport

__all__ = [
    "CommentModeration",
    "CommentReport",
    "CommentableMixin",
    "ForumIndexPage",
    "ForumTopicPage",
    "PostingBlock",
    "ReportReason",
    "Thread",
    "ThreadReport",
]
