"""What a comment hangs on (a thread or a page), and whether this request may see it.

Every comment URL we mount asks this module first, so a comment on a thread a moderator hid,
a held thread or an unpublished or private page is answered with 404 whatever the URL.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from wagtail.models import Page

from .models import Thread
from .pages import is_commentable
from .policy import can_moderate
from .visibility import may_read_owned


def get_target(model, pk):
    """The object of ``model`` with primary key ``pk``, or None (bad or unknown key)."""
    try:
        return model._default_manager.get(pk=pk)
    except (TypeError, ValueError, ValidationError, ObjectDoesNotExist):
        return None


def target_from_label(label, pk):
    """The object named by a comment form's ``content_type`` (``app_label.model``) and pk."""
    try:
        model = apps.get_model(*str(label).split(".", 1))
    except (LookupError, TypeError, ValueError):
        return None
    return get_target(model, pk)


def target_from_content_type(content_type_id, pk):
    """The object named by a content type id and pk (comment permalinks), or None."""
    try:
        content_type = ContentType.objects.get_for_id(content_type_id)
    except ContentType.DoesNotExist:
        return None
    model = content_type.model_class()
    return get_target(model, pk) if model is not None else None


def _page_open(page, request):
    """Live, and not behind a privacy restriction this request does not pass."""
    return page.live and all(r.accept_request(request) for r in page.get_view_restrictions())


def _page_visible(page, request):
    return is_commentable(page) and _page_open(page, request)


def can_see(request, target):
    """Whether ``request.user`` may read comments on ``target``.

    Threads: published ones, the user's own held or hidden ones, all for moderators (the same
    rule as the thread page), in a live forum this request may open. Pages: live,
    commentable and not restricted for this request.
    """
    if isinstance(target, Thread):
        if target.is_owned:
            own = request.user.is_authenticated and target.author_id == request.user.pk
            return may_read_owned(request, target) and (
                target.is_published or own or can_moderate(request.user)
            )
        moderator = can_moderate(request.user)
        visible = Thread.objects.visible_to(request.user, moderator).filter(pk=target.pk)
        return visible.exists() and _page_open(target.forum, request)
    if isinstance(target, Page):
        return _page_visible(target.specific, request)
    return False


def can_post_to(request, target):
    """Whether comments are open on ``target`` for this request (published threads only)."""
    if isinstance(target, Thread):
        if not (target.is_published or can_moderate(request.user)):
            return False
        if target.is_owned:
            return may_read_owned(request, target)
        return _page_open(target.forum, request)
    if isinstance(target, Page):
        return _page_visible(target.specific, request)
    return False


def target_url(target, request):
    """Where ``target``'s comments are shown, as a path (or a full URL for another site).

    ``target`` is a page or a thread: :func:`can_see` and :func:`can_post_to` refuse anything
    else before a view asks for its URL.
    """
    return target.get_url(request)
