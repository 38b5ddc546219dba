"""Signal receivers: the posting policy on every comment path, reports, held posts, erasure."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django_comments.models import CommentFlag
from django_comments.signals import (
    comment_was_flagged,
    comment_was_posted,
    comment_will_be_posted,
)
from django_comments_xtd import signed
from django_comments_xtd import views as xtd_views
from django_comments_xtd.conf import settings as xtd_settings
from django_comments_xtd.models import TmpXtdComment, XtdComment
from django_comments_xtd.signals import comment_thread_muted, confirmation_received

from civic_wagtail import ratelimit

from . import actions
from .caching import comment_changed, thread_changed
from .models import Thread
from .notifications import queue_notifications, request_confirmation
from .policy import PostingRefused, check_can_post, hold_reason


def _forum_of(comment):
    target = comment.content_object
    return target.forum if isinstance(target, Thread) else None


@receiver(comment_will_be_posted, sender=TmpXtdComment, dispatch_uid="civic_discussion.policy")
def apply_posting_policy(sender, comment, request, **kwargs):
    """Refuse or hold a comment, whichever view posts it.

    Our post view is the only one mounted (check ``E005``); this still guards a site that
    posts through django-contrib-comments' own view.
    """
    try:
        check_can_post(request.user)
    except PostingRefused:
        return False
    if not getattr(request, "_civic_discussion_checked", False):
        # Posted through another view than ours: count it all the same.
        if ratelimit.hit(request, "post"):
            return False
    reason = hold_reason(request.user, _forum_of(comment))
    if reason:
        comment.is_public = False
        request._civic_hold_reason = reason
    return True


# comments-xtd's own receiver creates the comment and then mails followers (and confirmation
# requests) inside the request with its own sender: an SMTP failure answered 500 after the
# comment was saved. Ours does the same creation and mails through the core service.
comment_was_posted.disconnect(xtd_views.on_comment_was_posted, sender=TmpXtdComment)


@receiver(comment_was_posted, sender=TmpXtdComment, dispatch_uid="civic_discussion.posted")
def create_posted_comment(sender, comment, request, **kwargs):
    """Create the comment comments-xtd would create, and queue the follow-up emails.

    Connected for ``TmpXtdComment`` only, which is posted only while comments-xtd is the
    ``COMMENTS_APP``: comments-xtd's own receiver checks the setting, this one need not.
    """
    authenticated = bool(comment.user and comment.user.is_authenticated)
    if authenticated or not xtd_settings.COMMENTS_XTD_CONFIRM_EMAIL:
        if xtd_views._get_comment_if_exists(comment) is None:
            created = xtd_views._create_comment(comment)
            comment.xtd_comment = created
            confirmation_received.send(sender=TmpXtdComment, comment=comment, request=request)
            if comment.is_public:
                queue_notifications(created)
        return True
    key = signed.dumps(comment, compress=True, extra_key=xtd_settings.COMMENTS_XTD_SALT)
    request_confirmation(comment, key.decode("utf-8"))
    return True


@receiver(confirmation_received, sender=TmpXtdComment, dispatch_uid="civic_discussion.created")
def record_new_comment(sender, comment, request, **kwargs):
    """comments-xtd created the comment: record a hold, update the thread's activity."""
    created = comment.get("xtd_comment")
    if created is None:
        return
    if not created.is_public:
        actions.hold_comment(created, getattr(request, "_civic_hold_reason", ""))
    elif isinstance(comment.content_object, Thread):
        comment.content_object.refresh_activity()


@receiver(comment_thread_muted, dispatch_uid="civic_discussion.muted")
def unfollow_muted_thread(sender, comment, request, **kwargs):
    """comments-xtd's one-click mute also stops the thread-author emails of that person."""
    if comment.content_type.model_class() is Thread and comment.user_email:
        Thread.objects.filter(
            pk=comment.object_pk, author__email__iexact=comment.user_email
        ).update(author_follows=False)


@receiver(comment_was_flagged, dispatch_uid="civic_discussion.flagged")
def hide_after_reports(sender, comment, flag, created, request, **kwargs):
    if not created or flag.flag != CommentFlag.SUGGEST_REMOVAL:
        return
    if not getattr(request, "_civic_discussion_checked", False) and ratelimit.hit(request, "flag"):
        # Reported through another view than ours, over the limit: take it back.
        flag.delete()
        return
    actions.auto_hide_if_reported(comment)


@receiver(post_save, sender=XtdComment, dispatch_uid="civic_discussion.cache.saved")
@receiver(post_delete, sender=XtdComment, dispatch_uid="civic_discussion.cache.deleted")
def invalidate_discussion(sender, instance, **kwargs):
    """A comment written, edited or deleted: cached pages showing its discussion are stale."""
    comment_changed(instance)


@receiver(post_save, sender=Thread, dispatch_uid="civic_discussion.cache.thread")
def invalidate_thread(sender, instance, **kwargs):
    thread_changed(instance.pk)
