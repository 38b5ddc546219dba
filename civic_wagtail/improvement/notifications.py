"""Notification kinds of the app (``civic_wagtail_notification_kinds``). They are in-site
notifications (the header badge and ``/members/notifications/``); reminder emails are sent
by :mod:`.reminders`."""

from django.utils.translation import gettext_lazy as _

from civic_wagtail.members.models import NotificationPreference
from civic_wagtail.members.notify import Kind

SITE = NotificationPreference.Channel.SITE

KINDS = [
    Kind("improvement.shared", _("A mentee shares a goal with you"), SITE),
    Kind("improvement.checkin", _("A mentee records a check-in on a shared goal"), SITE),
    Kind("improvement.comment", _("Your mentor comments on a check-in"), SITE),
    Kind("improvement.team_invitation", _("You are invited to a team"), SITE),
]
