"""Moderation actions on comments and threads: every one records a reason and an audit entry.

Visibility changes go through ``QuerySet.update`` on purpose: saving an ``XtdComment`` runs
comments-xtd's ``pre_save`` receiver, which (un)publishes every descendant one query per
comment. Here a hidden comment is replaced by a notice and its replies stay readable.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_comments.models import CommentFlag
from django_comments_xtd import get_model
from wagtail.log_actions import log

from civic_wagtail.conf import civic_settings

from .caching import comment_changed
from .models import CommentModeration, Thread
from .models.moderation import ModerationState
from .notifications import queue_notifications

HIDE = "civic_wagtail_discussion.hide"
RESTORE = "civic_wagtail_discussion.restore"
APPROVE = "civic_wagtail_discussion.approve"
HOLD = "civic_wagtail_discussion.hold"
AUTO_HIDE = "civic_wagtail_discussion.auto_hide"
ACCEPT = "civic_wagtail_discussion.accept"


def comment_title(comment):
    # Audit entries keep a label; a comment's __str__ holds its author's name, which
    # erasure must be able to remove, so the label is the comment number only.
    return _("Comment #%(pk)s") % {"pk": comment.pk}


def _thread_of(comment):
    if comment.content_type.model_class() is Thread:
        return Thread.objects.filter(pk=comment.object_pk).first()
    return None


def _set_comment_state(comment, state, reason, moderator, action, public):
    with transaction.atomic():
        comment = get_model().norel_objects.select_for_update().get(pk=comment.pk)
        was_public = comment.is_public
        get_model().norel_objects.filter(pk=comment.pk).update(is_public=public)
        comment.is_public = public
        CommentModeration.objects.update_or_create(
            comment=comment,
            defaults={"state": state, "reason": reason, "moderator": moderator},
        )
        log(
            comment,
            action,
            user=moderator,
            title=comment_title(comment),
            data={"reason": reason, "state": state},
        )
        thread = _thread_of(comment)
        if thread is not None:
            thread.refresh_activity()
        comment_changed(comment)
    if public and not was_public and state == ModerationState.APPROVED:
        # Followers were not told about a held comment when it was posted.
        queue_notifications(comment)
    return comment


def hold_comment(comment, reason):
    """Record that a just-posted, unpublished comment waits for a moderator."""
    return _set_comment_state(comment, ModerationState.HELD, reason, None, HOLD, public=False)


def hide_comment(comment, moderator, reason):
    return _set_comment_state(
        comment, ModerationState.HIDDEN, reason, moderator, HIDE, public=False
    )


def restore_comment(comment, moderator, reason):
    """Publish a hidden comment again; its reports so far count as dealt with."""
    return _set_comment_state(
        comment, ModerationState.APPROVED, reason, moderator, RESTORE, public=True
    )


def approve_comment(comment, moderator, reason):
    """Publish a held comment, or keep a reported one and dismiss its reports."""
    return _set_comment_state(
        comment, ModerationState.APPROVED, reason, moderator, APPROVE, public=True
    )


def open_reports(comment):
    """Removal reports made since the comment's latest moderation decision."""
    flags = CommentFlag.objects.filter(comment=comment, flag=CommentFlag.SUGGEST_REMOVAL)
    decision = CommentModeration.objects.filter(comment=comment).first()
    if decision is not None:
        flags = flags.filter(flag_date__gt=decision.moderated_at)
    return flags


def auto_hide_if_reported(comment):
    """Hide ``comment`` once ``DISCUSSION_AUTO_HIDE_FLAGS`` members have reported it."""
    threshold = civic_settings.DISCUSSION_AUTO_HIDE_FLAGS
    if not threshold or not comment.is_public:
        return False
    if open_reports(comment).count() < threshold:
        return False
    reason = ngettext(
        "reported by %(count)s member; a moderator will review it",
        "reported by %(count)s members; a moderator will review it",
        threshold,
    ) % {"count": threshold}
    _set_comment_state(comment, ModerationState.HIDDEN, reason, None, AUTO_HIDE, public=False)
    return True


def set_thread_status(thread, status, moderator, reason, action=None):
    """Publish, hold or hide a thread, with the reason shown to its author."""
    action = (
        action
        or {
            Thread.Status.PUBLISHED: APPROVE,
            Thread.Status.HIDDEN: HIDE,
            Thread.Status.HELD: HOLD,
        }[status]
    )
    with transaction.atomic():
        thread = Thread.objects.select_for_update().get(pk=thread.pk)
        thread.status = status
        thread.moderation_reason = reason
        thread.moderated_at = timezone.now()
        thread.save(update_fields=["status", "moderation_reason", "moderated_at"])
        log(thread, action, user=moderator, data={"reason": reason, "state": status})
    return thread


def accept_answer(thread, comment, user):
    """Mark ``comment`` (or None to clear) as the thread's accepted answer."""
    with transaction.atomic():
        thread = Thread.objects.select_for_update().get(pk=thread.pk)
        thread.accepted_comment = comment
        thread.save(update_fields=["accepted_comment"])
        log(
            thread,
            ACCEPT,
            user=user,
            data={"comment": comment.pk if comment else None},
        )
    return thread


def auto_hide_thread_if_reported(thread):
    """Hide a published thread once ``DISCUSSION_AUTO_HIDE_FLAGS`` members have reported it."""
    from .models import ThreadReport

    threshold = civic_settings.DISCUSSION_AUTO_HIDE_FLAGS
    if not threshold or not thread.is_published:
        return False
    if ThreadReport.open_for(thread).count() < threshold:
        return False
    reason = ngettext(
        "reported by %(count)s member; a moderator will review it",
        "reported by %(count)s members; a moderator will review it",
        threshold,
    ) % {"count": threshold}
    set_thread_status(thread, Thread.Status.HIDDEN, None, reason, action=AUTO_HIDE)
    return True
