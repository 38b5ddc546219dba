"""Who sees contact details, goals and the meeting log; and no orphaned guardian rows."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from guardian.models import GroupObjectPermission, UserObjectPermission

from civic_wagtail.mentoring import lifecycle
from civic_wagtail.mentoring.models import (
    MeetingLogEntry,
    MentorProfile,
    MentorProfileUserObjectPermission,
    Mentorship,
    MentorshipUserObjectPermission,
)
from civic_wagtail.mentoring.privacy import PrivacyChecker

from .helpers import make_mentor

pytestmark = pytest.mark.django_db

CONTACT = "mona.private@contact.example"
GOAL = "SECRET-GOAL-map-the-permit-process"
LOG = "SECRET-LOG-first-call"
WHO = ["anonymous", "outsider", "mentee", "mentor", "coordinator"]


@pytest.fixture
def mentor(db):
    return make_mentor("mona", capacity=2)


@pytest.fixture
def active(mentor, mentee):
    mentorship = lifecycle.request_mentorship(mentee, mentor, "Please mentor me")
    lifecycle.accept(mentorship, mentor.user)
    mentorship = lifecycle.start(mentorship, mentee)
    Mentorship.objects.filter(pk=mentorship.pk).update(goals=GOAL)
    MeetingLogEntry.objects.create(
        mentorship=mentorship, author=mentee, date=datetime.date(2026, 1, 5), notes=LOG
    )
    return mentorship


@pytest.fixture
def people(mentor, mentee, outsider, coordinator):
    return {
        "anonymous": None,
        "outsider": outsider,
        "mentee": mentee,
        "mentor": mentor.user,
        "coordinator": coordinator,
    }


def _client(client, people, who):
    if people[who] is not None:
        client.force_login(people[who])
    return client


# (page, who) -> expected: status and whether contact / goal / log appear.
ALLOWED = {"mentee", "mentor", "coordinator"}


@pytest.mark.parametrize("who", WHO)
def test_mentor_page_shows_contact_only_to_the_pair_and_coordinators(
    client, mentoring_page, active, people, who
):
    response = _client(client, people, who).get(f"/mentoring/mentors/{active.mentor_id}/")
    assert response.status_code == 200
    assert (CONTACT in response.content.decode()) is (who in ALLOWED)
    assert GOAL not in response.content.decode()
    assert "private" in response["Cache-Control"]


@pytest.mark.parametrize("who", WHO)
def test_mentorship_page_matrix(client, mentoring_page, active, people, who):
    response = _client(client, people, who).get(f"/mentoring/mentorships/{active.pk}/")
    if who == "anonymous":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        return
    if who == "outsider":
        assert response.status_code == 404
        return
    content = response.content.decode()
    assert response.status_code == 200
    assert CONTACT in content and GOAL in content and LOG in content


@pytest.mark.parametrize("who", WHO)
def test_listings_never_show_private_data(client, mentoring_page, active, people, who):
    client = _client(client, people, who)
    for url in ["/mentoring/", "/mentoring/?availability=all", "/mentoring/match/?languages=en"]:
        content = client.get(url).content.decode()
        # Matching leaves out a mentor the mentee already has; everywhere else Mona is listed.
        assert ("Mona" in content) is not (who in ("mentee", "mentor") and "match" in url)
        assert CONTACT not in content and GOAL not in content and LOG not in content


@pytest.mark.parametrize("who,sees", [("mentee", False), ("mentor", False), ("coordinator", True)])
def test_access_ends_with_the_mentorship(client, mentoring_page, active, people, who, sees):
    lifecycle.complete(active, people["mentee"])
    content = _client(client, people, who).get(f"/mentoring/mentorships/{active.pk}/")
    content = content.content.decode()
    assert (GOAL in content) is sees and (LOG in content) is sees
    mentor_page = client.get(f"/mentoring/mentors/{active.mentor_id}/").content.decode()
    # The mentor always sees their own contact details; the mentee no longer does.
    assert (CONTACT in mentor_page) is (who != "mentee")


def test_a_request_alone_reveals_nothing(client, mentoring_page, mentor, mentee):
    mentorship = lifecycle.request_mentorship(mentee, mentor, "Please")
    client.force_login(mentee)
    assert CONTACT not in client.get(f"/mentoring/mentors/{mentor.pk}/").content.decode()
    content = client.get(f"/mentoring/mentorships/{mentorship.pk}/").content.decode()
    assert "Please" in content and "Shared goals" not in content


@pytest.mark.parametrize("who", WHO)
def test_the_checker_matches_the_pages(active, people, who):
    user = people[who]
    if user is None:
        from django.contrib.auth.models import AnonymousUser

        user = AnonymousUser()
    checker = PrivacyChecker(user).prefetch([active])
    expected = who in {"mentee", "mentor", "coordinator"}
    assert checker.can_see_private(active) is expected
    # The mentor's own contact is allowed by ownership, the others' by a permission.
    assert checker.can_see_contact(active.mentor) is expected


def test_checker_prefetches_instead_of_querying_per_object(
    mentor, mentee, django_assert_num_queries
):
    mentorships = []
    for index in range(5):
        other = make_mentor(f"m{index}")
        m = lifecycle.request_mentorship(mentee, other, "hi")
        mentorships.append(lifecycle.accept(m, other.user))
    checker = PrivacyChecker(mentee)
    checker.can_see_private(mentorships[0])  # loads the model permissions once
    # One query for the user's rows and one for their groups' rows, however many objects.
    with django_assert_num_queries(2):
        checker.prefetch(mentorships)
        assert all(checker.can_see_private(m) for m in mentorships)


def _guardian_rows():
    types = ContentType.objects.get_for_models(MentorProfile, Mentorship).values()
    return (
        UserObjectPermission.objects.filter(content_type__in=types).count()
        + GroupObjectPermission.objects.filter(content_type__in=types).count()
        + MentorshipUserObjectPermission.objects.count()
        + MentorProfileUserObjectPermission.objects.count()
    )


def test_rows_exist_while_active(active):
    assert MentorshipUserObjectPermission.objects.count() == 2
    assert MentorProfileUserObjectPermission.objects.count() == 1


def test_no_orphans_after_deleting_a_mentorship(active):
    active.delete()
    assert _guardian_rows() == 0


@pytest.mark.parametrize("who", ["mentee", "mentor"])
def test_no_orphans_after_deleting_an_account(active, people, who):
    get_user_model().objects.filter(pk=people[who].pk).delete()
    assert _guardian_rows() == 0
    assert not Mentorship.objects.filter(pk=active.pk).exists()


def test_no_orphans_after_the_mentorship_ends(active, mentee):
    lifecycle.cancel(active, mentee, "")
    assert _guardian_rows() == 0
