"""Comment threads on any object, paginated by top-level comment, in a fixed number of queries.

comments-xtd 2.x builds a whole thread in Python and checks permissions per comment. Here a
page of a thread costs: one COUNT and one SELECT of the top-level comments, and one SELECT of
all their replies (``thread_id IN (...)``), each row carrying its like/report counts as
subqueries, its author's profile and its moderation state. The count does not depend on how
many comments the thread holds. The viewer's own likes and reports are not part of it: they are
filled into the rendered list by :mod:`.fragments` (one query), so the list can be shared.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django_comments.models import CommentFlag
from django_comments_xtd import get_model
from django_comments_xtd.models import LIKEDIT_FLAG, max_thread_level_for_content_type

from civic_wagtail.conf import civic_settings
from civic_wagtail.pagination import paginate

from .models.moderation import ModerationState


def comments_for(target):
    """All comments (any state) attached to ``target`` on this site, unordered."""
    return get_model().norel_objects.filter(
        content_type=ContentType.objects.get_for_model(target),
        object_pk=str(target.pk),
        site_id=settings.SITE_ID,
    )


def _flag_count(flag):
    flags = (
        CommentFlag.objects.filter(comment=OuterRef("pk"), flag=flag)
        .order_by()
        .values("comment")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(flags, output_field=IntegerField()), Value(0))


def annotated(queryset):
    """Add like/report counts and the authors' profiles."""
    return queryset.select_related("user__civic_profile", "civic_moderation").annotate(
        like_count=_flag_count(LIKEDIT_FLAG),
        flag_count=_flag_count(CommentFlag.SUGGEST_REMOVAL),
    )


def visible_filter(user, can_moderate):
    """Published comments, hidden ones (shown as a notice), and the viewer's own held ones."""
    if can_moderate:
        return Q()
    visible = Q(is_public=True) | Q(civic_moderation__state=ModerationState.HIDDEN)
    if user.is_authenticated:
        visible |= Q(user=user)
    return visible


@dataclass
class CommentPage:
    """One page of a thread: top-level comments, each with ``.replies`` (nested)."""

    page: object
    comments: list
    max_level: int
    total: int


def comment_page(
    target, request, param="comments", can_moderate=False, per_page=None, user=None
):
    """The page of ``target``'s comment thread that ``request.GET[param]`` asks for, as seen
    by ``user`` (default ``request.user``; a page number past the end is a 404)."""
    user = request.user if user is None else user
    per_page = per_page or civic_settings.DISCUSSION_COMMENTS_PER_PAGE
    base = comments_for(target).filter(visible_filter(user, can_moderate), is_removed=False)
    top = annotated(base.filter(level=0)).order_by("submit_date", "pk")
    page = paginate(request, top, per_page, param=param, drop=("reply_to",))
    comments = list(page.object_list)
    by_id = {}
    for comment in comments:
        comment.replies = []
        by_id[comment.pk] = comment
    if comments:
        replies = annotated(base.filter(level__gt=0, thread_id__in=list(by_id))).order_by(
            "thread_id", "order"
        )
        for reply in replies:
            reply.replies = []
            parent = by_id.get(reply.parent_id)
            # A reply under a comment the viewer may not see is left out with it.
            if parent is not None:
                parent.replies.append(reply)
                by_id[reply.pk] = reply
    content_type = ContentType.objects.get_for_model(target)
    return CommentPage(
        page=page,
        comments=comments,
        max_level=max_thread_level_for_content_type(content_type),
        total=page.paginator.count,
    )
