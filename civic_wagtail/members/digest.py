"""The daily digest: one email per member listing the notifications they chose to get that way.

:func:`send_digests` is a django-tasks task; ``manage.py send_notification_digests`` queues it
(run it daily from cron or your scheduler). Each digest carries a key per member and day, so a
second run on the same day mails nobody twice.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from civic_wagtail import mail

from .models import Notification

#: At most this many notifications are listed in one digest (the rest are counted).
LIMIT = 50


def send_digest(user):
    """Mail ``user`` the notifications waiting for their digest, then clear the flag."""
    with transaction.atomic():
        waiting = Notification.objects.select_for_update().filter(recipient=user, in_digest=True)
        items = list(waiting.order_by("created_at", "pk")[: LIMIT + 1])
        total = waiting.count()
        if not total:
            return 0
        Notification.objects.filter(pk__in=waiting.values("pk")).update(in_digest=False)
    mail.send_templated(
        user,
        "civic_wagtail/members/email/digest",
        {
            "items": [
                {
                    "verb": item.verb,
                    "url": mail.site_url(item.url) if item.url.startswith("/") else "",
                }
                for item in items[:LIMIT]
            ],
            "more": max(0, total - LIMIT),
            "list_url": mail.site_url(reverse("civic_wagtail_members:notifications")),
            "settings_url": mail.site_url(reverse("civic_wagtail_members:notification_settings")),
        },
        key=f"members.digest:{user.pk}:{timezone.localdate():%Y-%m-%d}",
    )
    return total


@task()
def send_digests():
    """Send every member's digest. Returns the number of members mailed."""
    user_ids = (
        Notification.objects.filter(in_digest=True)
        .order_by()
        .values_list("recipient_id", flat=True)
        .distinct()
    )
    sent = 0
    for user in get_user_model().objects.filter(pk__in=list(user_ids), is_active=True):
        if send_digest(user):
            sent += 1
    return sent
