"""Demo notifications for the demo member, in every state: unread, read, waiting for the
digest; the first lands on a real reply in a discussion they take part in."""

from datetime import timedelta

from django.apps import apps
from django.contrib.auth import get_user_model
from django.utils import timezone

from civic_wagtail.seeding import Seeder

from .models import Notification, NotificationPreference


class NotificationSeeder(Seeder):
    order = 95
    name = "notifications"

    def seed(self, ctx):
        demo = get_user_model().objects.filter(username="member").first()
        if demo is None:
            return
        now = timezone.now()
        reply_url, reply_by = self.a_reply(demo)
        rows = [
            ("demo:reply", "discussion.reply", f"{reply_by} replied in a discussion you follow",
             reply_url, None, False),
            ("demo:review", "review.decision", "A reviewer approved your case study", "/",
             None, False),
            ("demo:mentoring", "mentoring", "Your mentorship has started", "/",
             now - timedelta(days=3), False),
            ("demo:digest", "discussion.reply", "A new reply waits for your daily digest", "/",
             None, True),
        ]
        for offset, (key, kind, verb, url, read_at, in_digest) in enumerate(rows):
            Notification.objects.get_or_create(
                recipient=demo, key=key,
                defaults={"kind": kind, "verb": verb, "url": url, "read_at": read_at,
                          "in_digest": in_digest, "created_at": now - timedelta(hours=offset)},
            )
        NotificationPreference.objects.get_or_create(
            user=demo, kind="review.decision", defaults={"channel": "digest"}
        )

    def a_reply(self, demo):
        """The path of a public reply by someone else, and their name (``/`` without one)."""
        if not apps.is_installed("civic_wagtail.discussion"):
            return "/", "A member"
        comments = apps.get_model("django_comments_xtd", "XtdComment").objects
        reply = (
            comments.filter(is_public=True, is_removed=False, user__isnull=False)
            .exclude(user=demo)
            .order_by("pk")
            .first()
        )
        if reply is None:
            return "/", "A member"
        target = reply.content_object
        url = target.get_url() if hasattr(target, "get_url") else None
        return (f"{url}#c{reply.pk}" if url else "/"), reply.user_name or "A member"


SEEDERS = [NotificationSeeder]
