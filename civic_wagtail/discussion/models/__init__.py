"""Models of the discussion app: forum pages, threads (records) and moderation state."""

from .forum import CommentableMixin, ForumIndexPage, ForumTopicPage
from .moderation import CommentModeration, PostingBlock
from .threads import Thread, ThreadReport

__all__ = [
    "CommentModeration",
    "CommentableMixin",
    "ForumIndexPage",
    "ForumTopicPage",
    "PostingBlock",
    "Thread",
    "ThreadReport",
]
