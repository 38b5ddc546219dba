"""The rendered comment list of a discussion, shared by every visitor and personalised per request.

A page of a thread (or of a page's comments) is the same HTML for every visitor but for a few
marks: which comments the member liked or reported, which are their own. The list is rendered
once *impersonally* (the comments everyone may see, the member controls in their neutral state)
and kept in the cache (:func:`civic_wagtail.page_cache.fragment`) under the versions of the
discussion's scope (bumped by a comment posted, approved, hidden, removed or liked) and, on
forum threads, of the thread's scope (accepted answer, status). Each request then fills in its
viewer's marks with one query and one pass over the string:

- ``data-cw-mark="<kind>:<comment id>" aria-pressed="false"`` becomes ``"true"`` when the
  comment is in the viewer's ``<kind>`` marks (``like`` is built in);
- ``<!--cw-swap:<kind>:<comment id>-->A<!--cw-or-->B<!--/cw-swap-->`` keeps option A, or the
  option the viewer's ``<kind>`` marks give for that comment (1 = B, 2 = nothing). ``report``
  is built in: the "Report" link, "Reported" once reported, nothing on one's own comment; so
  is ``own`` (option 1 on the viewer's own comments).

Other apps add their own kinds with the ``civic_wagtail_comment_marks`` hook:
``(user, comment_ids) -> {kind: {comment_id: option}}`` (option 1 for toggles), one query each,
and put their per-member controls in ``includes/comment_actions.html`` (or their include there)
in the neutral state with these marks. Anything else personal never goes in the list.

The viewers for whom the shared list would be wrong get their own rendering, uncached (still
personalised the same way): moderators (they see everything), the thread's author (the "accept
as answer" buttons), and members with a held or hidden comment in this discussion (they see
their own).
"""

import re

from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django_comments.models import CommentFlag
from django_comments_xtd.models import LIKEDIT_FLAG
from wagtail import hooks

from civic_wagtail import item_actions, page_cache

from .caching import comments_scope, thread_scope
from .comments import comment_page, comments_for

LIST_TEMPLATE = "civic_wagtail/discussion/includes/comment_list.html"
MARKS_HOOK = "civic_wagtail_comment_marks"

_TOGGLE = re.compile(r'data-cw-mark="(\w+):(\d+)" aria-pressed="false"')
_SWAP = re.compile(r"<!--cw-swap:(\w+):(\d+)-->(.*?)<!--/cw-swap-->", re.S)


def _shared(context):
    """Whether the viewer sees the list everyone sees (then it comes from the cache)."""
    request, target = context["request"], context["target"]
    if context.get("can_moderate") or context.get("can_accept"):
        return False
    user = request.user
    if not user.is_authenticated:
        return True
    return not comments_for(target).filter(user=user, is_public=False, is_removed=False).exists()


def comment_list(context):
    """The HTML of the comment list for ``context`` (of ``discussion_context``), personalised."""
    request, target = context["request"], context["target"]
    param = context["page_param"]
    shared = _shared(context)

    def render():
        viewer = AnonymousUser() if shared else request.user
        thread_page = comment_page(
            target, request, param, can_moderate=context.get("can_moderate", False), user=viewer
        )
        # Other apps' controls (civic_wagtail_comment_actions), rendered impersonally with
        # the list: their per-member state comes from the marks below.
        item_actions.attach(request, list(_walk(thread_page.comments)))
        html = render_to_string(
            LIST_TEMPLATE,
            {**context, "thread_page": thread_page, "viewer_id": viewer.pk},
            request=request,
        )
        authors = {}
        for comment in _walk(thread_page.comments):
            authors[comment.pk] = comment.user_id
        return html, {"authors": authors}

    if shared:
        query = request.GET.copy()
        query.pop("reply_to", None)
        thread = context.get("thread")
        scopes = [comments_scope(target)] + ([thread_scope(thread.pk)] if thread else [])
        html, meta = page_cache.fragment(
            "comments",
            [
                target._meta.label_lower,
                target.pk,
                request.get_host(),
                context["target_url"],
                param,
                query.urlencode(),
                get_language(),
                request.user.is_authenticated,
            ],
            scopes,
            render,
        )
    else:
        html, meta = render()
    return mark_safe(personalise(request, page_cache.with_csrf(request, html), meta["authors"]))  # noqa: S308 (our own rendering)


def _walk(comments):
    for comment in comments:
        yield comment
        yield from _walk(comment.replies)


def viewer_marks(user, authors):
    """{kind: {comment id: option}} of ``user`` over the comments ``authors`` lists."""
    if not user.is_authenticated or not authors:
        return {}
    ids = list(authors)
    marks = {"like": {}, "report": {}}
    rows = CommentFlag.objects.filter(
        user=user, comment_id__in=ids, flag__in=(LIKEDIT_FLAG, CommentFlag.SUGGEST_REMOVAL)
    ).values_list("comment_id", "flag")
    for comment_id, flag in rows:
        marks["like" if flag == LIKEDIT_FLAG else "report"][comment_id] = 1
    marks["own"] = {}
    for comment_id, author_id in authors.items():
        if author_id == user.pk:
            marks["report"][comment_id] = 2
            marks["own"][comment_id] = 1
    for hook in hooks.get_hooks(MARKS_HOOK):
        for kind, chosen in (hook(user, ids) or {}).items():
            marks.setdefault(kind, {}).update(chosen)
    return marks


def personalise(request, html, authors):
    """``html`` with the marks of ``request.user`` filled in (see the module's docstring)."""
    marks = viewer_marks(request.user, authors)

    def toggle(match):
        pressed = "true" if marks.get(match[1], {}).get(int(match[2])) else "false"
        return f'data-cw-mark="{match[1]}:{match[2]}" aria-pressed="{pressed}"'

    def swap(match):
        options = match[3].split("<!--cw-or-->")
        chosen = marks.get(match[1], {}).get(int(match[2]), 0)
        return options[chosen] if chosen < len(options) else ""

    if marks:
        html = _TOGGLE.sub(toggle, html)
    return _SWAP.sub(swap, html)
