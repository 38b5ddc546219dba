"""Two accepts at the same moment for a mentor's last place: exactly one succeeds."""

import time

import pytest

from civic_wagtail.mentoring import lifecycle, privacy
from civic_wagtail.mentoring.models import Mentorship
from tests.factories import member
from tests.utils import postgres_only, run_together

from .helpers import make_mentor


def _accept_in_parallel(mentorships, user):
    def accept(mentorship):
        try:
            lifecycle.accept(mentorship, user)
        except lifecycle.TransitionError as error:
            return error.message
        return "accepted"

    return run_together(accept, mentorships, timeout=30)


@postgres_only
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("round_", range(5))
def test_parallel_accepts_never_overbook(round_, monkeypatch):
    # Hold each accept open between its capacity check and its commit, so that without the
    # row lock both would count the same free place (this test fails if the lock is removed).
    grant = privacy.grant

    def slow_grant(mentorship):
        time.sleep(0.3)
        grant(mentorship)

    monkeypatch.setattr(privacy, "grant", slow_grant)
    mentor = make_mentor(f"mona{round_}", capacity=2)
    # One place is already taken; two requests race for the other.
    taken = lifecycle.request_mentorship(member(username=f"early{round_}"), mentor, "hi")
    lifecycle.accept(taken, mentor.user)
    racing = [
        lifecycle.request_mentorship(member(username=f"racer{round_}{i}"), mentor, "hi")
        for i in range(2)
    ]
    results = _accept_in_parallel(racing, mentor.user)
    assert sorted(results) == sorted(
        [
            "accepted",
            "All 2 of your places are taken. Finish a mentorship or raise your capacity "
            "before accepting.",
        ]
    )
    statuses = sorted(Mentorship.objects.filter(pk__in=[m.pk for m in racing]).values_list(
        "status", flat=True
    ))
    assert statuses == ["accepted", "requested"]
    assert mentor.mentorships.filter(status__in=["accepted", "active"]).count() == 2
