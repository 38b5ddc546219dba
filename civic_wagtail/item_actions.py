"""Controls that other apps add to each comment of a thread (``civic_wagtail_comment_actions``).

The discussion app shows a page of comments; another app (recognition's "This helped me")
adds a control under each without the two importing each other. Each hook is called once per
page with every comment shown, so an app answers for all of them in one query, and the
thread page's query count stays constant whatever the number of comments.
"""

from wagtail import hooks

HOOK = "civic_wagtail_comment_actions"


def attach(request, comments):
    """Set ``comment.civic_actions`` (a list of HTML strings) on each of ``comments``.

    Hooks are called as ``fn(request, comments)`` and return ``{comment_pk: html}``. The HTML
    is part of the comment list that every visitor (or every signed-in member) shares
    (:mod:`civic_wagtail.discussion.fragments`): it depends only on whether the viewer is
    signed in, never on who they are. What this member did is filled in per request from the
    marks of the ``civic_wagtail_comment_marks`` hook (``data-cw-mark`` toggles and
    ``cw-swap`` choices; ``own`` marks the viewer's own comments).
    """
    for comment in comments:
        comment.civic_actions = []
    if not comments:
        return
    for fn in hooks.get_hooks(HOOK):
        found = fn(request, comments) or {}
        for comment in comments:
            html = found.get(comment.pk)
            if html:
                comment.civic_actions.append(html)
