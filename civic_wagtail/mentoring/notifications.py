"""Emails for the lifecycle: a request, a decision, the start and the end of a mentorship.

Sent after the transaction commits (a rolled-back accept sends nothing). Each email renders
``civic_wagtail/mentoring/email/<kind>_subject.txt`` and ``<kind>_body.txt``, which a site can
override. Messages never contain contact details or goals: only a link to the mentorship page,
where the privacy rules apply.
"""

import logging
import threading
from contextlib import contextmanager
from functools import partial

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string

from civic_wagtail.conf import civic_settings

logger = logging.getLogger(__name__)
_state = threading.local()


@contextmanager
def muted():
    """Schedule no emails inside this block (the demo seeder walks fictional people through
    the lifecycle and must not mail them)."""
    previous = getattr(_state, "muted", False)
    _state.muted = True
    try:
        yield
    finally:
        _state.muted = previous


def on_commit(func, mentorship_pk):
    if not getattr(_state, "muted", False):
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
    recipients = [user for user in recipients if user.email and user.is_active]
    if not recipients:
        return
    context = {"mentorship": mentorship, "url": mentorship_url(mentorship)}
    from_email = civic_settings.MENTORING_FROM_EMAIL or settings.DEFAULT_FROM_EMAIL
    for user in recipients:
        context["recipient"] = user
        subject = render_to_string(
            f"civic_wagtail/mentoring/email/{kind}_subject.txt", context
        ).strip()
        body = render_to_string(f"civic_wagtail/mentoring/email/{kind}_body.txt", context)
        try:
            send_mail(" ".join(subject.split()), body, from_email, [user.email])
        except OSError:  # an unreachable mail server must not break the member's action
            logger.exception("Could not send the mentoring %s email to user %s", kind, user.pk)


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
