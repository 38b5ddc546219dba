"""Settings of the discussion app, read as ``civic_settings.DISCUSSION_*``.

Sites set them as ``CIVIC_WAGTAIL_DISCUSSION_<NAME>``; docs/reference/discussion.md lists them.
"""

DEFAULTS = {
    #: Page models (``"app_label.ModelName"``) that get a comment thread through the
    #: ``civic_wagtail_page_panels`` hook. A page class can also opt in with
    #: ``civic_wagtail_comments = True`` (see ``CommentableMixin``).
    "DISCUSSION_COMMENTABLE_PAGE_TYPES": [],
    #: Anonymous visitors may not post or reply unless this is True.
    "DISCUSSION_ALLOW_ANONYMOUS": False,
    #: What happens to posts of members who are not verified public servants:
    #: ``"hold"`` (wait for a moderator), ``"allow"`` (publish) or ``"refuse"`` (403).
    "DISCUSSION_UNVERIFIED_POSTS": "hold",
    #: Members whose account is younger than this many days have their posts held.
    #: 0 turns the rule off.
    "DISCUSSION_HOLD_NEW_MEMBERS_DAYS": 0,
    #: Longest comment or thread body, in characters.
    "DISCUSSION_MAX_LENGTH": 5000,
    #: A comment reported by this many members is hidden until a moderator reviews it.
    #: 0 turns automatic hiding off.
    "DISCUSSION_AUTO_HIDE_FLAGS": 3,
    #: Top-level comments per page of a thread (each shown with all its replies).
    "DISCUSSION_COMMENTS_PER_PAGE": 20,
    #: Threads per page of a forum topic.
    "DISCUSSION_THREADS_PER_PAGE": 20,
}
