"""Emails to a thread's author about new replies, with a one-click unsubscribe link.

Commenters follow a discussion through comments-xtd's ``followup`` flag and its mute links;
the author of a thread wrote no comment, so they follow it through ``Thread.author_follows``.
"""

from django.core import signing
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from .comments import comments_for
from .models import Thread

SALT = "civic_wagtail.discussion.unfollow"


def unfollow_token(thread):
    return signing.dumps(thread.pk, salt=SALT)


def thread_from_token(token):
    """The thread a token unsubscribes from, or None when it is forged."""
    try:
        pk = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    return Thread.objects.filter(pk=pk).select_related("forum", "author").first()


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
    if followers.filter(user_email=author.email).exists():
        return False  # comments-xtd's follow-up email already tells them
    site_url = thread.forum.get_site().root_url
    context = {
        "thread": thread,
        "comment": comment,
        "thread_url": thread.forum.full_url
        + thread.forum.reverse_subpage("thread", args=[thread.pk]),
        "unfollow_url": site_url
        + reverse("civic_wagtail_discussion:unfollow", args=[unfollow_token(thread)]),
    }
    send_mail(
        _("New reply in “%(title)s”") % {"title": thread.title},
        render_to_string("civic_wagtail/discussion/email/thread_reply.txt", context),
        None,
        [author.email],
    )
    return True
