"""Emails for the lifecycle: a request, a decision, the start and the end of a mentorship.

Sent through the core mail service (:mod:`civic_wagtail.mail`): after the transaction commits
(a rolled-back accept sends nothing), in each recipient's language, plain text unescaped. Each
email renders ``civic_wagtail/mentoring/email/<kind>_subject.txt`` and ``<kind>_body.txt``,
which a site can override. Messages never contain contact details or goals: only a link to
the mentorship page, where the privacy rules apply.
"""

from functools import partial
from urllib.parse import urlsplit

from django.db import transaction
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from civic_wagtail import mail
from civic_wagtail.conf import civic_settings
from civic_wagtail.members.notify import Email, Kind, notify

#: The kind of notification a member tunes (``civic_wagtail_notification_kinds``).
KINDS = [Kind("mentoring", _("Mentoring requests and mentorships"))]

#: What each email says in the member's notification list, ``{name}`` being the other person.
VERBS = {
    "request": _("{name} asked you to mentor them"),
    "decision": _("{name} answered your mentoring request"),
    "start": _("Your mentorship with {name} has started"),
    "end": _("Your mentorship with {name} has ended"),
}

#: Schedule no emails inside this block (the demo seeder walks fictional people through
#: the lifecycle and must not mail them).
muted = mail.muted


def on_commit(func, mentorship_pk):
    if not mail.is_muted():
        transaction.on_commit(partial(func, mentorship_pk))


def mentorship_url(mentorship, site=None):
    """Absolute URL of the mentorship on the mentoring page of ``site`` (default: the default
    site) in the active language, or None without one."""
    from civic_wagtail.sections import section_page

    from .pages import MentoringPage

    page = section_page(site, MentoringPage)
    if page is None:
        return None
    base = page.get_full_url()
    if not base:
        return None
    return base.rstrip("/") + "/" + page.reverse_subpage("mentorship", args=[mentorship.pk])


def _send(kind, mentorship, recipients):
    url = mentorship_url(mentorship)
    context = {"mentorship": mentorship, "url": url}
    for user in recipients:
        mentee = user.pk == mentorship.mentee_id
        other = mentorship.mentor if mentee else mentorship.mentee_name
        notify(
            user,
            "mentoring",
            format_lazy(VERBS[kind], name=other),
            url=urlsplit(url).path if url else "",
            target=mentorship,
            actor=mentorship.mentor.user if mentee else mentorship.mentee,
            email=Email(
                f"civic_wagtail/mentoring/email/{kind}",
                context,
                from_email=civic_settings.MENTORING_FROM_EMAIL,
            ),
            key=f"mentoring.{kind}:{mentorship.pk}:{mentorship.status}",
        )


def _load(mentorship_pk):
    from .models import Mentorship

    return (
        Mentorship.objects.select_related("mentee__civic_profile", "mentor__user__civic_profile")
        .filter(pk=mentorship_pk)
        .first()
    )


def request_sent(mentorship_pk):
    mentorship = _load(mentorship_pk)
    if mentorship:
        _send("request", mentorship, [mentorship.mentor.user])


def decision_made(mentorship_pk):
    mentorship = _load(mentorship_pk)
    if mentorship:
        _send("decision", mentorship, [mentorship.mentee])


def started(mentorship_pk):
    mentorship = _load(mentorship_pk)
    if mentorship:
        _send("start", mentorship, [mentorship.mentee, mentorship.mentor.user])


def ended(mentorship_pk):
    mentorship = _load(mentorship_pk)
    if mentorship:
        _send("end", mentorship, [mentorship.mentee, mentorship.mentor.user])
