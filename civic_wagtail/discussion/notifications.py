"""Discussion emails, all through the core mail service (:mod:`civic_wagtail.mail`).

- Followers of a discussion (comments-xtd's ``followup`` flag) hear of each new public comment,
  with comments-xtd's one-click mute link. This replaces comments-xtd's own sender, which
  mailed inside the request (an SMTP failure answered 500 after the comment was saved).
- The author of a thread wrote no comment, so they follow it through
  ``Thread.author_follows`` and get their own email with a one-click unsubscribe link.
- An anonymous visitor confirms a comment by email when ``COMMENTS_XTD_CONFIRM_EMAIL`` is on.

Links are absolute and built from the Wagtail ``Site`` of the page the discussion is on.
"""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django_comments_xtd.conf import settings as xtd_settings
from django_tasks import task
from wagtail.models import Page

from civic_wagtail import mail
from civic_wagtail.members.notify import Email, Kind, notify

from .comments import comments_for
from .models import Thread

SALT = "civic_wagtail.discussion.unfollow"
logger = logging.getLogger(__name__)

#: The kind of notification a member tunes (``civic_wagtail_notification_kinds``).
KINDS = [Kind("discussion.reply", _("Replies in discussions you follow"))]


def reply_path(target, comment):
    """The path of ``comment`` on the page of ``target`` (its anchor included)."""
    url = target_full_url(target) or ""
    return f"{urlsplit(url).path}#c{comment.pk}"


def reply_verb(comment, target):
    return format_lazy(_("{name} replied in “{title}”"), name=comment.user_name, title=target)


def unfollow_token(thread):
    return signing.dumps(thread.pk, salt=SALT)


def thread_from_token(token):
    """The thread a token unsubscribes from, or None when it is forged."""
    try:
        pk = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    return Thread.objects.filter(pk=pk).select_related("forum", "author").first()


def _page_of(target):
    """The Wagtail page the discussion of ``target`` is shown on (its site gives the host)."""
    if isinstance(target, Thread):
        return target.forum
    if isinstance(target, Page):
        return target
    return None


def target_full_url(target):
    """Absolute URL of a commented page or thread, from its Wagtail ``Site``."""
    if isinstance(target, Thread):
        return target.get_full_url()
    page = _page_of(target)
    return page.get_full_url() if page is not None else mail.site_url("/")


def _site_of(target):
    page = _page_of(target)
    return page.get_site() if page is not None else None


def _from_email():
    return getattr(xtd_settings, "COMMENTS_XTD_FROM_EMAIL", None) or settings.DEFAULT_FROM_EMAIL


def notify_followers(comment):
    """Email everyone who follows the discussion ``comment`` was posted in, but its author.

    Queued through the mail service, one message per address and comment, so a comment that is
    approved twice or a retried task mails nobody twice.
    """
    from django_comments_xtd.models import XtdComment

    if not comment.is_public:
        return 0
    followers = {}
    previous = XtdComment.norel_objects.filter(
        content_type=comment.content_type,
        object_pk=comment.object_pk,
        is_public=True,
        followup=True,
    ).exclude(user_email=comment.user_email)
    for follower in previous.order_by("pk"):
        if follower.user_email and follower.user_email.lower() not in followers:
            followers[follower.user_email.lower()] = follower
    if not followers:
        return 0
    target = comment.content_object
    context = {"comment": comment, "target": target, "url": target_full_url(target)}
    site = _site_of(target)
    verb = reply_verb(comment, target)
    path = reply_path(target, comment)
    for follower in followers.values():
        notify_follower(follower, comment, context, site, verb=verb, path=path)
    return len(followers)


def notify_follower(follower, comment, context, site, verb=None, path=None):
    """Tell one ``follower`` (their earliest following comment) of ``comment``.

    The per-recipient step of the fan-out in :func:`notify_discussion`: an in-site
    notification and, per the member's preferences, the email (``members.notify``).
    ``verb`` and ``path`` are the same for every follower of one comment: pass them once.
    """
    from django_comments_xtd import signed

    target = comment.content_object
    key = signed.dumps(follower, compress=True, extra_key=xtd_settings.COMMENTS_XTD_SALT)
    try:
        mute_path = reverse("comments-xtd-mute", args=[key.decode("utf-8")])
    except NoReverseMatch:
        mute_path = None
    notify(
        follower.user if follower.user_id else follower.user_email,
        "discussion.reply",
        verb if verb is not None else reply_verb(comment, target),
        url=path if path is not None else reply_path(target, comment),
        target=comment,
        actor=comment.user,
        email=Email(
            "civic_wagtail/discussion/email/followup",
            {
                **context,
                "name": follower.user_name,
                "mute_url": mail.site_url(mute_path, site) if mute_path else "",
            },
            from_email=_from_email(),
        ),
        key=f"discussion.followup:{comment.pk}",
    )


def queue_notifications(comment):
    """Queue the emails a new public ``comment`` causes, as ONE task, after the commit.

    The request that posted the comment only enqueues: finding the followers (there may be
    thousands) and rendering a message for each happen in the task worker, so a reply in a
    busy thread returns as fast as one in a quiet thread. Calling this twice for one comment
    in one request queues one task; a task that runs twice mails nobody twice (the mail
    service keys every message by comment and address).
    """
    if not comment.is_public or getattr(comment, "_civic_notifications_queued", False):
        return
    comment._civic_notifications_queued = True
    transaction.on_commit(lambda: _enqueue_notifications(comment.pk))


def _enqueue_notifications(comment_pk):
    try:
        mail.enqueue_with_retries(notify_discussion, comment_pk)
    except Exception:  # a queue that cannot be reached must not fail the member's post
        logger.exception("Could not queue notifications of %s", comment_pk)


@task()
def notify_discussion(comment_pk):
    """The fan-out task: follow-up emails to followers and the thread author's email.

    Idempotent: it reloads the comment (gone or hidden since: nothing to send) and every message
    carries a per-comment key. Returns the number of people told.
    """
    from django_comments_xtd.models import XtdComment

    comment = XtdComment.norel_objects.filter(pk=comment_pk, is_public=True).first()
    if comment is None:
        return 0
    return int(notify_thread_author(comment)) + notify_followers(comment)


def notify_thread_author(comment):
    """Email the author of the thread ``comment`` replies to, unless they wrote it or opted out."""
    if comment.content_type.model_class() is not Thread or not comment.is_public:
        return False
    thread = Thread.objects.select_related("author", "forum").filter(pk=comment.object_pk).first()
    author = thread.author if thread else None
    if not (thread and thread.author_follows and author and author.email):
        return False
    if comment.user_id == author.pk:
        return False
    followers = comments_for(thread).filter(is_public=True, followup=True)
    if followers.filter(user_email__iexact=author.email).exists():
        return False  # the follow-up email already tells them
    site = thread.forum.get_site()
    context = {
        "thread": thread,
        "comment": comment,
        "thread_url": target_full_url(thread),
        "unfollow_url": mail.site_url(
            reverse("civic_wagtail_discussion:unfollow", args=[unfollow_token(thread)]), site
        ),
    }
    notify(
        author,
        "discussion.reply",
        reply_verb(comment, thread),
        url=reply_path(thread, comment),
        target=comment,
        actor=comment.user,
        email=Email("civic_wagtail/discussion/email/thread_reply", context),
        key=f"discussion.thread_reply:{comment.pk}",
    )
    return True


def request_confirmation(tmp_comment, key, site=None):
    """Ask an anonymous commenter to confirm their comment (``COMMENTS_XTD_CONFIRM_EMAIL``)."""
    target = tmp_comment.content_object
    path = reverse("comments-xtd-confirm", args=[key])
    mail.send_templated(
        tmp_comment.user_email,
        "civic_wagtail/discussion/email/confirm_comment",
        {
            "comment": tmp_comment,
            "target": target,
            "confirmation_url": mail.site_url(path, _site_of(target)),
        },
        from_email=_from_email(),
    )
