"""The mentorship lifecycle: every change of ``Mentorship.status`` goes through here.

::

    requested --accept (mentor)--> accepted --start (either)--> active --complete--> completed
        |  \\--decline (mentor, reason)--> declined          \\                \\
        \\--cancel (mentee)--> cancelled      cancel (either)  \\--cancel (either)--> cancelled

Each function locks the mentorship row (and, to accept, the mentor's profile row) with
``select_for_update`` inside a transaction, checks who acts and the current state *after*
the lock, and raises :class:`TransitionError` without changing anything when the move is not
allowed. Accepting counts the mentor's taken places under the mentor's row lock, so two
accepts at the same moment cannot overbook a mentor. Object permissions are granted on
acceptance and revoked when the mentorship ends; emails go out after the commit.

Each step returns the updated mentorship, freshly read under the lock; the instance passed
in is left as it was.
"""

import datetime

from dateutil.relativedelta import relativedelta
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from civic_wagtail.members.models import is_verified_member

from . import notifications, privacy
from .models import OCCUPYING, OPEN, MentorProfile, Mentorship

Status = Mentorship.Status


class TransitionError(Exception):
    """A lifecycle step that is not allowed. ``status`` is the HTTP status a view should use."""

    def __init__(self, message, status=400):
        super().__init__(message)
        self.message = message
        self.status = status


def _forbidden(message):
    return TransitionError(message, status=403)


def request_mentorship(mentee, mentor, message, programme=None):
    """A verified member asks ``mentor`` for mentoring; returns the new mentorship."""
    if not is_verified_member(mentee):
        raise _forbidden(_("Only verified members can ask for a mentor."))
    if mentor.user_id == mentee.pk:
        raise TransitionError(_("You cannot ask yourself for mentoring."))
    if not message.strip():
        raise TransitionError(_("Write a short message to the mentor."))
    with transaction.atomic():
        mentor = MentorProfile.objects.with_occupied().get(pk=mentor.pk)
        if mentor.availability != MentorProfile.Availability.OPEN or mentor.free_places() < 1:
            raise TransitionError(
                _("%(name)s is not taking new mentees at the moment.") % {"name": mentor}
            )
        if Mentorship.objects.filter(mentor=mentor, mentee=mentee, status__in=OPEN).exists():
            raise TransitionError(_("You already have an open request with this mentor."))
        try:
            with transaction.atomic():
                mentorship = Mentorship.objects.create(
                    mentor=mentor, mentee=mentee, message=message.strip(), programme=programme
                )
        except IntegrityError as error:  # a double submit that raced the check above
            raise TransitionError(
                _("You already have an open request with this mentor.")
            ) from error
        log(mentorship, "civic_wagtail_mentoring.requested", user=mentee)
        notifications.on_commit(notifications.request_sent, mentorship.pk)
    return mentorship


def _locked(mentorship):
    return Mentorship.objects.select_for_update().get(pk=mentorship.pk)


#: Infinitive and past participle of each action, for error messages.
ACTIONS = {
    "accept": (gettext_lazy("accept"), gettext_lazy("accepted")),
    "decline": (gettext_lazy("decline"), gettext_lazy("declined")),
    "start": (gettext_lazy("start"), gettext_lazy("started")),
    "complete": (gettext_lazy("complete"), gettext_lazy("completed")),
    "cancel": (gettext_lazy("cancel"), gettext_lazy("cancelled")),
}
ACTORS = {
    ("mentor",): gettext_lazy("the mentor"),
    ("mentee",): gettext_lazy("the mentee"),
    ("mentor", "mentee"): gettext_lazy("the mentor or the mentee"),
}


def check_allowed(mentorship, user, allowed_states, actors, action):
    """Raise unless ``user`` is one of ``actors`` ("mentor"/"mentee") and the state allows it."""
    roles = set()
    if user.is_authenticated and user.pk == mentorship.mentee_id:
        roles.add("mentee")
    if user.is_authenticated and user.pk == mentorship.mentor.user_id:
        roles.add("mentor")
    verb, done = ACTIONS[action]
    if not roles:
        raise _forbidden(_("Only the mentor and the mentee can change this mentorship."))
    if not roles & set(actors):
        raise _forbidden(
            _("Only %(who)s can %(verb)s this mentorship.")
            % {"who": ACTORS[tuple(actors)], "verb": verb}
        )
    if mentorship.status not in allowed_states:
        raise TransitionError(
            _("This mentorship is %(status)s, so it cannot be %(done)s.")
            % {"status": str(mentorship.get_status_display()).lower(), "done": done}
        )


def accept(mentorship, user):
    """The mentor accepts a request, if a place is free; grants the object permissions."""
    with transaction.atomic():
        # Lock the mentor first, always in the same order (mentor, then mentorship), so that
        # concurrent accepts for one mentor queue up here instead of deadlocking.
        mentor = MentorProfile.objects.select_for_update().get(pk=mentorship.mentor_id)
        mentorship = _locked(mentorship)
        mentorship.mentor = mentor
        check_allowed(mentorship, user, [Status.REQUESTED], ["mentor"], "accept")
        taken = mentor.mentorships.filter(status__in=OCCUPYING).count()
        if taken >= mentor.capacity:
            raise TransitionError(
                _(
                    "All %(capacity)s of your places are taken. Finish a mentorship or raise "
                    "your capacity before accepting."
                )
                % {"capacity": mentor.capacity}
            )
        mentorship.status = Status.ACCEPTED
        mentorship.decided_at = timezone.now()
        mentorship.save(update_fields=["status", "decided_at"])
        privacy.grant(mentorship)
        log(mentorship, "civic_wagtail_mentoring.accepted", user=user)
        notifications.on_commit(notifications.decision_made, mentorship.pk)
    return mentorship


def decline(mentorship, user, reason):
    """The mentor declines a request, saying why (the mentee reads the reason)."""
    if not reason.strip():
        raise TransitionError(_("Tell the mentee why you decline, in a sentence or two."))
    with transaction.atomic():
        mentorship = _locked(mentorship)
        check_allowed(mentorship, user, [Status.REQUESTED], ["mentor"], "decline")
        mentorship.status = Status.DECLINED
        mentorship.decline_reason = reason.strip()
        mentorship.decided_at = timezone.now()
        mentorship.save(update_fields=["status", "decline_reason", "decided_at"])
        log(mentorship, "civic_wagtail_mentoring.declined", user=user)
        notifications.on_commit(notifications.decision_made, mentorship.pk)
    return mentorship


def end_date_for(mentorship, start):
    """Start plus the programme's length (default 6 months), never after the programme ends."""
    programme = mentorship.programme
    if programme is None:
        from civic_wagtail.conf import civic_settings

        months = civic_settings.MENTORING_DEFAULT_LENGTH_MONTHS
        return start + relativedelta(months=months)
    end = start + relativedelta(months=programme.get_length_months())
    if programme.end_date and programme.end_date < end:
        end = programme.end_date
    return end


def start(mentorship, user, start_date=None):
    """Either participant starts an accepted mentorship; sets its start and end dates."""
    with transaction.atomic():
        mentorship = _locked(mentorship)
        check_allowed(mentorship, user, [Status.ACCEPTED], ["mentor", "mentee"], "start")
        begin = start_date or timezone.localdate()
        if mentorship.programme and mentorship.programme.start_date > begin:
            begin = mentorship.programme.start_date
        mentorship.status = Status.ACTIVE
        mentorship.started_at = timezone.now()
        mentorship.start_date = begin
        mentorship.end_date = end_date_for(mentorship, begin)
        mentorship.save(update_fields=["status", "started_at", "start_date", "end_date"])
        log(mentorship, "civic_wagtail_mentoring.started", user=user)
        notifications.on_commit(notifications.started, mentorship.pk)
    return mentorship


def _end(mentorship, status, user, reason=""):
    mentorship.status = status
    mentorship.ended_at = timezone.now()
    if status == Status.CANCELLED:
        mentorship.cancel_reason = reason.strip()
    if mentorship.start_date and (mentorship.end_date or datetime.date.max) > timezone.localdate():
        mentorship.end_date = timezone.localdate()
    mentorship.save(update_fields=["status", "ended_at", "cancel_reason", "end_date"])
    privacy.revoke(mentorship)
    log(mentorship, f"civic_wagtail_mentoring.{status}", user=user)
    notifications.on_commit(notifications.ended, mentorship.pk)
    return mentorship


def complete(mentorship, user):
    """Either participant marks an active mentorship completed; access is revoked."""
    with transaction.atomic():
        mentorship = _locked(mentorship)
        check_allowed(mentorship, user, [Status.ACTIVE], ["mentor", "mentee"], "complete")
        return _end(mentorship, Status.COMPLETED, user)


def cancel(mentorship, user, reason=""):
    """Withdraw a request (mentee) or stop an accepted or active mentorship (either)."""
    with transaction.atomic():
        mentorship = _locked(mentorship)
        if mentorship.status == Status.REQUESTED:
            check_allowed(mentorship, user, [Status.REQUESTED], ["mentee"], "cancel")
        else:
            check_allowed(
                mentorship, user, [Status.ACCEPTED, Status.ACTIVE], ["mentor", "mentee"], "cancel"
            )
        return _end(mentorship, Status.CANCELLED, user, reason)
