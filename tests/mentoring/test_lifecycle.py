"""Every lifecycle transition, the illegal ones (clear error, nothing changed) and the emails."""

import datetime

import pytest
from django.core import mail
from guardian.shortcuts import get_perms
from wagtail.models import ModelLogEntry

from civic_wagtail.mentoring import lifecycle
from civic_wagtail.mentoring.models import Mentorship, Programme
from tests.factories import member
from tests.utils import assert_email_links_resolve

from .helpers import make_mentor

pytestmark = pytest.mark.django_db
Status = Mentorship.Status


@pytest.fixture
def mentor(db):
    return make_mentor("mona", capacity=1)


@pytest.fixture
def requested(mentor, mentee):
    return lifecycle.request_mentorship(mentee, mentor, "Could you help me with permits?")


def _state(mentorship):
    """Everything a transition may change, to prove an illegal one changed nothing."""
    mentorship.refresh_from_db()
    return (
        mentorship.status,
        mentorship.decided_at,
        mentorship.started_at,
        mentorship.ended_at,
        sorted(get_perms(mentorship.mentee, mentorship)),
        sorted(get_perms(mentorship.mentee, mentorship.mentor)),
    )


def _set(mentorship, status):
    Mentorship.objects.filter(pk=mentorship.pk).update(status=status)
    mentorship.refresh_from_db()
    return mentorship


def test_request_emails_the_mentor_and_is_logged(
    mentor, mentee, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        mentorship = lifecycle.request_mentorship(mentee, mentor, "  Hello!  ")
    assert mentorship.status == Status.REQUESTED
    assert mentorship.message == "Hello!"
    assert [m.to for m in mail.outbox] == [[mentor.user.email]]
    assert "Minnie asks you for mentoring" in mail.outbox[0].subject
    assert "Hello!" in mail.outbox[0].body
    assert "private@contact" not in mail.outbox[0].body
    assert ModelLogEntry.objects.filter(action="civic_wagtail_mentoring.requested").count() == 1


@pytest.mark.parametrize(
    "case,expected",
    [
        ("unverified", "Only verified members can ask for a mentor."),
        ("self", "You cannot ask yourself for mentoring."),
        ("empty", "Write a short message to the mentor."),
        ("paused", "is not taking new mentees at the moment."),
        ("twice", "You already have an open request with this mentor."),
    ],
)
def test_bad_requests_are_refused(mentor, mentee, case, expected):
    asker, message = mentee, "Hello"
    if case == "unverified":
        asker = member(username="nova", verified=False)
    elif case == "self":
        asker = mentor.user
    elif case == "empty":
        message = "   "
    elif case == "paused":
        mentor.availability = "paused"
        mentor.save()
    elif case == "twice":
        lifecycle.request_mentorship(mentee, mentor, "first")
    before = Mentorship.objects.count()
    with pytest.raises(lifecycle.TransitionError) as error:
        lifecycle.request_mentorship(asker, mentor, message)
    assert expected in error.value.message
    assert Mentorship.objects.count() == before


def test_accept_grants_permissions_and_emails_the_mentee(
    requested, mentor, mentee, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.accept(requested, mentor.user)
    requested.refresh_from_db()
    assert requested.status == Status.ACCEPTED and requested.decided_at
    assert get_perms(mentee, requested) == ["view_mentorship_private"]
    assert get_perms(mentor.user, requested) == ["view_mentorship_private"]
    assert get_perms(mentee, mentor) == ["view_mentor_contact"]
    assert mail.outbox[-1].to == [mentee.email]
    assert "accepted your mentoring request" in mail.outbox[-1].subject


def test_decline_needs_a_reason_and_tells_the_mentee(
    requested, mentor, mentee, django_capture_on_commit_callbacks
):
    with pytest.raises(lifecycle.TransitionError, match="why you decline"):
        lifecycle.decline(requested, mentor.user, "  ")
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.decline(requested, mentor.user, "I am on leave.")
    requested.refresh_from_db()
    assert requested.status == Status.DECLINED
    assert requested.decline_reason == "I am on leave."
    assert get_perms(mentee, requested) == []
    assert "I am on leave." in mail.outbox[-1].body


def test_start_sets_six_months_by_default(requested, mentor, mentee):
    lifecycle.accept(requested, mentor.user)
    lifecycle.start(requested, mentee, start_date=datetime.date(2026, 1, 31))
    requested.refresh_from_db()
    assert requested.status == Status.ACTIVE
    assert requested.start_date == datetime.date(2026, 1, 31)
    assert requested.end_date == datetime.date(2026, 7, 31)


def test_start_follows_the_programme(mentor, mentee):
    programme = Programme.objects.create(
        name="Cohort", start_date=datetime.date(2026, 3, 1),
        end_date=datetime.date(2026, 5, 15), length_months=3,
    )
    mentorship = lifecycle.request_mentorship(mentee, mentor, "hi", programme=programme)
    lifecycle.accept(mentorship, mentor.user)
    lifecycle.start(mentorship, mentor.user, start_date=datetime.date(2026, 2, 1))
    mentorship.refresh_from_db()
    # Not before the programme starts; three months, but never past the programme's end.
    assert mentorship.start_date == datetime.date(2026, 3, 1)
    assert mentorship.end_date == datetime.date(2026, 5, 15)


@pytest.mark.parametrize("by", ["mentor", "mentee"])
def test_complete_revokes_access_and_emails_both(
    requested, mentor, mentee, by, django_capture_on_commit_callbacks
):
    lifecycle.accept(requested, mentor.user)
    lifecycle.start(requested, mentee)
    actor = mentor.user if by == "mentor" else mentee
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.complete(requested, actor)
    requested.refresh_from_db()
    assert requested.status == Status.COMPLETED and requested.ended_at
    assert get_perms(mentee, requested) == []
    assert get_perms(mentor.user, requested) == []
    assert get_perms(mentee, mentor) == []
    assert sorted(m.to[0] for m in mail.outbox) == sorted([mentee.email, mentor.user.email])


@pytest.mark.parametrize("status", [Status.ACCEPTED, Status.ACTIVE])
def test_either_participant_can_cancel_accepted_or_active(requested, mentor, mentee, status):
    lifecycle.accept(requested, mentor.user)
    if status == Status.ACTIVE:
        lifecycle.start(requested, mentor.user)
    lifecycle.cancel(requested, mentor.user, "Moving jobs")
    requested.refresh_from_db()
    assert requested.status == Status.CANCELLED
    assert requested.cancel_reason == "Moving jobs"
    assert get_perms(mentee, mentor) == []


def test_the_mentee_can_withdraw_a_request(requested, mentee):
    lifecycle.cancel(requested, mentee)
    requested.refresh_from_db()
    assert requested.status == Status.CANCELLED


def test_a_finished_mentorship_frees_the_place(requested, mentor, mentee):
    lifecycle.accept(requested, mentor.user)
    lifecycle.cancel(requested, mentee)
    other = lifecycle.request_mentorship(member(username="nina"), mentor, "hi")
    assert lifecycle.accept(other, mentor.user).status == Status.ACCEPTED


THIRD_PARTY = "Only the mentor and the mentee can change this mentorship."


def _cannot(status, done):
    return f"This mentorship is {status}, so it cannot be {done}."


ILLEGAL = [
    # (state, action, who, status code, message)
    (Status.CANCELLED, "accept", "mentor", 400, _cannot("cancelled", "accepted")),
    (Status.DECLINED, "accept", "mentor", 400, _cannot("declined", "accepted")),
    (Status.ACTIVE, "accept", "mentor", 400, _cannot("active", "accepted")),
    (Status.REQUESTED, "accept", "mentee", 403, "Only the mentor can accept this mentorship."),
    (Status.REQUESTED, "accept", "outsider", 403, THIRD_PARTY),
    (Status.REQUESTED, "decline", "mentee", 403, "Only the mentor can decline this mentorship."),
    (Status.ACCEPTED, "decline", "mentor", 400, _cannot("accepted", "declined")),
    (Status.REQUESTED, "start", "mentor", 400, _cannot("requested", "started")),
    (Status.COMPLETED, "start", "mentee", 400, _cannot("completed", "started")),
    (Status.ACCEPTED, "start", "outsider", 403, THIRD_PARTY),
    (Status.ACCEPTED, "complete", "mentor", 400, _cannot("accepted", "completed")),
    (Status.ACTIVE, "complete", "outsider", 403, THIRD_PARTY),
    (Status.REQUESTED, "cancel", "mentor", 403, "Only the mentee can cancel this mentorship."),
    (Status.COMPLETED, "cancel", "mentee", 400, _cannot("completed", "cancelled")),
    (Status.DECLINED, "cancel", "mentee", 400, _cannot("declined", "cancelled")),
    (Status.ACTIVE, "cancel", "coordinator", 403, THIRD_PARTY),
]


@pytest.mark.parametrize("state,action,who,status_code,message", ILLEGAL)
def test_illegal_transitions_change_nothing(
    requested, mentor, mentee, outsider, coordinator, state, action, who, status_code, message
):
    if state in (Status.ACCEPTED, Status.ACTIVE):
        lifecycle.accept(requested, mentor.user)
    if state == Status.ACTIVE:
        lifecycle.start(requested, mentee)
    if state in (Status.CANCELLED, Status.DECLINED, Status.COMPLETED):
        _set(requested, state)
    actor = {"mentor": mentor.user, "mentee": mentee, "outsider": outsider,
             "coordinator": coordinator}[who]
    before = _state(requested)
    args = ["No."] if action == "decline" else []
    with pytest.raises(lifecycle.TransitionError) as error:
        getattr(lifecycle, action)(requested, actor, *args)
    assert error.value.message == message
    assert error.value.status == status_code
    assert _state(requested) == before


def test_accept_refuses_when_every_place_is_taken(mentor, mentee):
    first = lifecycle.request_mentorship(mentee, mentor, "hi")
    second = lifecycle.request_mentorship(member(username="nina"), mentor, "hi")
    lifecycle.accept(first, mentor.user)
    before = _state(second)
    with pytest.raises(lifecycle.TransitionError, match="All 1 of your places are taken"):
        lifecycle.accept(second, mentor.user)
    assert _state(second) == before


def test_start_emails_both(requested, mentor, mentee, django_capture_on_commit_callbacks):
    lifecycle.accept(requested, mentor.user)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.start(requested, mentee, start_date=datetime.date(2026, 4, 1))
    assert sorted(m.to[0] for m in mail.outbox) == sorted([mentee.email, mentor.user.email])
    assert all(m.subject == "Your mentorship has started" for m in mail.outbox)


def test_a_rolled_back_step_sends_nothing(requested, mentor, django_capture_on_commit_callbacks):
    from django.db import transaction

    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            lifecycle.accept(requested, mentor.user)
            raise RuntimeError
    assert mail.outbox == []
    requested.refresh_from_db()
    assert requested.status == Status.REQUESTED


TRICKY = "Fees & \"O'Brien\" <soon>"


def test_mentoring_emails_arrive_verbatim_in_plain_text(
    mentoring_page, mentee, django_capture_on_commit_callbacks
):
    """Names, messages and reasons with & ' " < used to arrive as HTML entities."""
    mentor = make_mentor("obrien")
    profile = mentor.user.civic_profile
    profile.display_name = TRICKY
    profile.save()
    with django_capture_on_commit_callbacks(execute=True):
        mentorship = lifecycle.request_mentorship(mentee, mentor, f"About {TRICKY}")
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.decline(mentorship, mentor.user, f"Ask {TRICKY} instead.")
    assert len(mail.outbox) == 2
    assert f"About {TRICKY}" in mail.outbox[0].body
    assert TRICKY in mail.outbox[1].subject
    assert f"Ask {TRICKY} instead." in mail.outbox[1].body
    for message in mail.outbox:
        text = message.subject + message.body
        assert not any(e in text for e in ("&amp;", "&#x27;", "&quot;", "&lt;", "&#39;"))
    assert_email_links_resolve(mail.outbox)
