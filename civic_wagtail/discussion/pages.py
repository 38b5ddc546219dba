"""Comment threads under other apps' pages, through the ``civic_wagtail_page_panels`` hook."""

from django.template.loader import render_to_string

from civic_wagtail import item_actions, page_cache, params
from civic_wagtail.conf import civic_settings

from .caching import comments_scope
from .comments import comment_page
from .forms import CommentForm
from .policy import can_moderate


def is_commentable(page):
    """Whether ``page`` gets a comment thread (setting or ``civic_wagtail_comments`` flag)."""
    flag = getattr(page, "civic_wagtail_comments", None)
    if flag is not None:
        return bool(flag)
    return page._meta.label in set(civic_settings.DISCUSSION_COMMENTABLE_PAGE_TYPES)


def _flattened(comments):
    found = []
    for comment in comments:
        found.append(comment)
        found.extend(_flattened(comment.replies))
    return found


def discussion_context(target, request, target_url, page_param="comments", moderator=None):
    """Template context of ``includes/discussion.html`` for any commentable ``target``."""
    moderator = can_moderate(request.user) if moderator is None else moderator
    page_cache.depends_on(request, comments_scope(target))
    thread_page = comment_page(target, request, page_param, can_moderate=moderator)
    item_actions.attach(request, _flattened(thread_page.comments))
    reply_to = params.get_integer(request, "reply_to")
    form = CommentForm(target, initial={"reply_to": reply_to or 0})
    return {
        "target": target,
        "target_url": target_url,
        "thread_page": thread_page,
        "comment_form": form,
        "page_param": page_param,
        "can_moderate": moderator,
        "replying_to": reply_to,
        "allow_anonymous": civic_settings.DISCUSSION_ALLOW_ANONYMOUS,
        "request": request,
        "user": request.user,
    }


def render_page_comments(request, page):
    """``civic_wagtail_page_panels`` hook: the comment thread of a commentable page."""
    if request is None or not is_commentable(page):
        return None
    context = discussion_context(page, request, page.get_url(request))
    return render_to_string(
        "civic_wagtail/discussion/includes/discussion.html", context, request=request
    )
