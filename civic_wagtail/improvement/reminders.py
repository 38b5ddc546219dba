"""Reminder emails to check in on active goals, on the schedule each member picks.

:func:`send_due_reminders` is a django-tasks task (run it from a scheduler:
``manage.py send_goal_reminders`` enqueues it): it finds members whose weekly or monthly
reminder is due and who have active goals, and mails each once through the core mail
service, with ``List-Unsubscribe`` / ``List-Unsubscribe-Post`` headers (RFC 8058) so that
mail clients offer one-click unsubscribe. The link's signed token names the member; it does
not expire (an old reminder must still unsubscribe).
"""

from datetime import timedelta

from django.core import signing
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from civic_wagtail import mail
from civic_wagtail.conf import civic_settings

from .models import Goal, ReminderSetting

SALT = "civic_wagtail.improvement.unsubscribe"
INTERVALS = {
    ReminderSetting.Frequency.WEEKLY: timedelta(days=7),
    ReminderSetting.Frequency.MONTHLY: timedelta(days=30),
}


def unsubscribe_token(user):
    return signing.dumps({"u": user.pk}, salt=SALT)


def user_id_from_token(token):
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    return data.get("u") if isinstance(data, dict) and isinstance(data.get("u"), int) else None


def unsubscribe_url(user):
    path = reverse("civic_wagtail_improvement:unsubscribe", args=[unsubscribe_token(user)])
    return mail.site_url(path)


def due_settings(now=None):
    now = now or timezone.now()
    due = Q()
    for frequency, interval in INTERVALS.items():
        due |= Q(frequency=frequency) & (
            Q(last_sent_at__isnull=True) | Q(last_sent_at__lte=now - interval + timedelta(hours=1))
        )
    active = Goal.objects.filter(user=OuterRef("user"), status=Goal.Status.ACTIVE)
    return (
        ReminderSetting.objects.filter(due, user__is_active=True)
        .filter(Exists(active))
        .select_related("user")
    )


@task()
def send_due_reminders():
    """Mail every member whose reminder is due; returns how many were queued."""
    from .progress import attach_states, with_progress

    now = timezone.now()
    sent = 0
    for setting in due_settings(now):
        with transaction.atomic():
            locked = ReminderSetting.objects.select_for_update().get(pk=setting.pk)
            if (
                locked.last_sent_at
                and locked.frequency in INTERVALS
                and (locked.last_sent_at > now - INTERVALS[locked.frequency] + timedelta(hours=1))
            ):
                continue
            goals = attach_states(
                with_progress(Goal.objects.filter(user=setting.user, status=Goal.Status.ACTIVE))
            )
            url = unsubscribe_url(setting.user)
            mail.send_templated(
                setting.user,
                "civic_wagtail/improvement/email/reminder",
                {"goals": goals, "unsubscribe_url": url, "goals_url": _goals_url()},
                key=f"improvement.reminder:{setting.user_id}:{now:%Y-%m-%d}",
                from_email=civic_settings.IMPROVEMENT_FROM_EMAIL,
                headers={
                    "List-Unsubscribe": f"<{url}>",
                    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                },
            )
            locked.last_sent_at = now
            locked.save(update_fields=["last_sent_at"])
            sent += 1
    return sent


def _goals_url():
    from civic_wagtail.sections import section_page

    from .pages import ImprovementPage

    page = section_page(None, ImprovementPage)
    if page is None:
        return ""
    return (page.get_full_url() or "").rstrip("/") + "/goals/"


def unsubscribe(user_id):
    """Turn reminders off for ``user_id``; True when a setting was changed."""
    return bool(
        ReminderSetting.objects.filter(user_id=user_id)
        .exclude(frequency=ReminderSetting.Frequency.NEVER)
        .update(frequency=ReminderSetting.Frequency.NEVER)
    )
