"""Comment threads under other apps' pages, through the ``civic_wagtail_page_panels`` hook."""

from django.template.loader import render_to_string

from civic_wagtail import page_cache, params
from civic_wagtail.conf import civic_settings

from .caching import comments_scope
from .forms import CommentForm
from .fragments import comment_list
from .policy import can_moderate


def is_commentable(page):
    """Whether ``page`` gets a comment thread (setting or ``civic_wagtail_comments`` flag)."""
    flag = getattr(page, "civic_wagtail_comments", None)
    if flag is not None:
        return bool(flag)
    return page._meta.label in set(civic_settings.DISCUSSION_COMMENTABLE_PAGE_TYPES)


def discussion_context(
    target, request, target_url, page_param="comments", moderator=None, extra=None
):
    """Template context of ``includes/discussion.html`` for any commentable ``target``.

    ``extra`` (thread pages: ``thread``, ``accepted``, ``can_accept``) is part of the context
    the comment list is rendered with; the list itself (``comment_list``) is rendered here, from
    the cache when it can be (:mod:`.fragments`).
    """
    moderator = can_moderate(request.user) if moderator is None else moderator
    page_cache.depends_on(request, comments_scope(target))
    reply_to = params.get_integer(request, "reply_to")
    form = CommentForm(target, initial={"reply_to": reply_to or 0})
    context = {
        "target": target,
        "target_url": target_url,
        "comment_form": form,
        "page_param": page_param,
        "can_moderate": moderator,
        "replying_to": reply_to,
        "allow_anonymous": civic_settings.DISCUSSION_ALLOW_ANONYMOUS,
        "request": request,
        "user": request.user,
        **(extra or {}),
    }
    context["comment_list"] = comment_list(context)
    return context


def render_page_comments(request, page):
    """``civic_wagtail_page_panels`` hook: the comment thread of a commentable page."""
    if request is None or not is_commentable(page):
        return None
    context = discussion_context(page, request, page.get_url(request))
    return render_to_string(
        "civic_wagtail/discussion/includes/discussion.html", context, request=request
    )
