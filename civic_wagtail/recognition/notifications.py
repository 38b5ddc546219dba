"""Telling members they earned a badge, through the core notification API
(:mod:`civic_wagtail.members.notify`), kind ``recognition.badge``.

:func:`announce` notifies everyone a rule run just awarded one badge to, in a fixed number of
queries (one to load the awards with their members, then :func:`notify_many`'s few).
"""

from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from civic_wagtail import mail
from civic_wagtail.members.notify import Channel, Email, Kind, notify_many

KIND = "recognition.badge"

#: Declared with ``civic_wagtail_notification_kinds``: on the site only until a member
#: chooses email or the digest.
KINDS = [Kind(KIND, _("You earn a badge"), default=Channel.SITE)]


def award_path(award):
    return reverse("civic_wagtail_recognition:award", args=[award.uid])


def announce(badge, awards):
    """Notify the recipients of ``awards`` (of ``badge``, recipients loaded) once each."""
    awards = [award for award in awards if award.recipient.is_active]
    if not awards:
        return
    by_user = {award.recipient_id: award for award in awards}
    verb = format_lazy(_("You earned the badge “{name}”"), name=badge.name)

    base = []  # the site's root URL, looked up once, for the first email only

    def email(user):
        award = by_user[user.pk]
        if not base:
            base.append(mail.site_url(""))
        return Email(
            "civic_wagtail/recognition/email/awarded",
            {
                "badge_name": badge.name,
                "criteria": badge.criteria,
                "award_url": base[0] + award_path(award),
            },
        )

    notify_many(
        [award.recipient for award in awards],
        KIND,
        verb,
        url=lambda user: award_path(by_user[user.pk]),
        email=email,
        key=f"recognition.badge:{badge.translation_key}",
    )
