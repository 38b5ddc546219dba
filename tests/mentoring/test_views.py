"""The mentoring page's routes: directory, matching, requests, actions, offer and panels."""

import datetime

import pytest
from django.core import mail

from civic_wagtail.mentoring import lifecycle
from civic_wagtail.mentoring.models import (
    MeetingLogEntry,
    MentorProfile,
    Mentorship,
    MentorshipFeedback,
)
from tests.factories import GovernmentLevelFactory, RegionFactory, TopicFactory, member

from .helpers import make_mentor

pytestmark = pytest.mark.django_db


@pytest.fixture
def terms():
    return {
        "permits": TopicFactory(name="Permits", slug="permits"),
        "waste": TopicFactory(name="Waste", slug="waste"),
        "municipal": GovernmentLevelFactory(name="Municipal", slug="municipal"),
        "canada": RegionFactory(name="Canada", slug="canada"),
    }


@pytest.fixture
def directory_world(terms):
    t = terms
    make_mentor("opal", [t["permits"]], ["es"], [t["municipal"]], t["canada"])
    make_mentor("wes", [t["waste"]], ["en"])
    make_mentor("paz", [t["permits"]], ["en"], availability="paused")
    make_mentor("fay", [t["permits"]], ["en"], availability="full")
    filled = make_mentor("tia", [t["permits"]], ["en"], capacity=1)
    Mentorship.objects.create(
        mentor=filled, mentee=member(username="tiamentee"), message="x", status="active"
    )
    make_mentor("uma", [t["permits"]], ["en"], verified=False)


def _names(response):
    return sorted(m.user.username for m in response.context["mentors"])


@pytest.mark.parametrize(
    "query,expected",
    [
        ("", ["opal", "wes"]),
        ("?topic=permits", ["opal"]),
        ("?language=es", ["opal"]),
        ("?region=canada", ["opal"]),
        ("?level=municipal", ["opal"]),
        ("?availability=paused", ["paz"]),
        ("?availability=full", ["fay", "tia"]),
        ("?availability=all&topic=permits", ["fay", "opal", "paz", "tia"]),
    ],
)
def test_directory_filters(client, mentoring_page, directory_world, query, expected):
    response = client.get("/mentoring/" + query)
    assert response.status_code == 200
    assert _names(response) == expected
    assert "Find a mentor." in response.content.decode()  # the editors' introduction


def test_directory_rejects_unknown_filter_values(client, mentoring_page, directory_world):
    response = client.get("/mentoring/?topic=nonsense")
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()


def _directory_queries(client, django_assert_num_queries, count):
    # About half is Wagtail's routing and the site's menu (the same on every page); ours are
    # the filter choices (topics, regions, levels), the page count, the page of mentors and
    # its three prefetches.
    with django_assert_num_queries(count):
        response = client.get("/mentoring/?availability=all")
    return response


@pytest.mark.parametrize("mentors", [3, 30])
def test_directory_query_count_is_pinned(
    client, mentoring_page, terms, mentors, django_assert_num_queries
):
    for index in range(mentors):
        make_mentor(f"n{index}", [terms["permits"]], ["en", "es"], [terms["municipal"]])
    client.get("/mentoring/")  # warm Wagtail's site cache
    response = _directory_queries(client, django_assert_num_queries, DIRECTORY_QUERIES)
    assert len(response.context["mentors"]) == min(mentors, 20)


#: Pinned: the same for 3 and 30 mentors (see the tests' parameters).
DIRECTORY_QUERIES = 20
#: Routing, session, user and profile, the form's terms (validated, then rendered), the 8
#: queries of matching.rank, the user's model permissions (userbar) and the site menu, and
#: the members app's group-restriction hook (2) for a signed-in visitor.
MATCH_QUERIES = 33


@pytest.mark.parametrize("mentors", [3, 30])
def test_match_query_count_is_pinned(
    client, mentoring_page, terms, mentee, mentors, django_assert_num_queries
):
    for index in range(mentors):
        make_mentor(f"n{index}", [terms["permits"]], ["es"], [terms["municipal"]])
    client.force_login(mentee)
    url = (
        f"/mentoring/match/?goals=procurement&topics={terms['permits'].pk}&languages=es"
        f"&level={terms['municipal'].pk}&region={terms['canada'].pk}"
    )
    client.get(url)
    with django_assert_num_queries(MATCH_QUERIES):
        response = client.get(url)
    assert response.status_code == 200
    assert len(response.context["matches"]) == min(mentors, 10)
    assert "shares Permits; speaks Spanish; works at municipal level" in (
        response.content.decode()
    )


def test_match_needs_something_to_match_on(client, mentoring_page):
    response = client.get("/mentoring/match/?goals=")
    assert response.status_code == 400
    assert "Choose at least one topic" in response.content.decode()


def test_match_form_starts_from_the_members_profile(client, mentoring_page, terms, mentee):
    profile = mentee.civic_profile
    profile.region = terms["canada"]
    profile.save()
    profile.topics.set([terms["waste"]])
    client.force_login(mentee)
    form = client.get("/mentoring/match/").context["form"]
    assert form.initial["region"] == terms["canada"].pk
    assert form.initial["topics"] == [terms["waste"].pk]


@pytest.fixture
def mentor(db):
    return make_mentor("mona", capacity=1)


def test_a_member_requests_from_the_mentor_page(client, mentoring_page, mentor, mentee):
    client.force_login(mentee)
    page = client.get(f"/mentoring/mentors/{mentor.pk}/")
    assert "Ask Mona to mentor you" in page.content.decode()
    response = client.post(f"/mentoring/mentors/{mentor.pk}/request/", {"message": "Help!"})
    mentorship = Mentorship.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/mentoring/mentorships/{mentorship.pk}/"
    again = client.get(f"/mentoring/mentors/{mentor.pk}/").content.decode()
    assert "Your mentorship with this mentor is requested." in again


def test_an_empty_request_keeps_the_form(client, mentoring_page, mentor, mentee):
    client.force_login(mentee)
    response = client.post(f"/mentoring/mentors/{mentor.pk}/request/", {"message": ""})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert not Mentorship.objects.exists()


def test_unverified_members_cannot_request(client, mentoring_page, mentor, pending_member):
    client.force_login(pending_member)
    page = client.get(f"/mentoring/mentors/{mentor.pk}/").content.decode()
    assert "once a coordinator has verified your membership" in page
    response = client.post(f"/mentoring/mentors/{mentor.pk}/request/", {"message": "hi"})
    assert response.status_code == 403
    assert "Only verified members can ask for a mentor." in response.content.decode()


def test_anonymous_request_goes_to_login(client, mentoring_page, mentor):
    response = client.post(f"/mentoring/mentors/{mentor.pk}/request/", {"message": "hi"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_unknown_mentor_is_404(client, mentoring_page):
    assert client.get("/mentoring/mentors/999/").status_code == 404


@pytest.fixture
def requested(mentor, mentee):
    return lifecycle.request_mentorship(mentee, mentor, "Please")


def test_the_mentor_accepts_and_both_can_start(client, mentoring_page, requested, mentor, mentee):
    client.force_login(mentor.user)
    page = client.get(f"/mentoring/mentorships/{requested.pk}/").content.decode()
    assert "Accept request" in page
    response = client.post(f"/mentoring/mentorships/{requested.pk}/accept/")
    assert response.status_code == 302
    client.force_login(mentee)
    client.post(f"/mentoring/mentorships/{requested.pk}/start/")
    requested.refresh_from_db()
    assert requested.status == "active"


def test_third_party_gets_404_like_a_missing_mentorship(
    client, mentoring_page, requested, outsider
):
    # Whether two people have a mentorship is private: no action tells it apart from none.
    client.force_login(outsider)
    missing = Mentorship.objects.order_by("-pk").first().pk + 1
    for action in ["accept", "decline", "start", "complete", "cancel", "goals", "log"]:
        theirs = client.post(f"/mentoring/mentorships/{requested.pk}/{action}/")
        absent = client.post(f"/mentoring/mentorships/{missing}/{action}/")
        assert (theirs.status_code, absent.status_code) == (404, 404), action
    requested.refresh_from_db()
    assert requested.status == "requested"


def test_cancel_answers_404_for_someone_elses_and_a_missing_mentorship(
    client, mentoring_page, requested, mentor, outsider
):
    lifecycle.accept(requested, mentor.user)
    client.force_login(outsider)
    theirs = client.post(f"/mentoring/mentorships/{requested.pk}/cancel/", {"reason": "x"})
    absent = client.post(f"/mentoring/mentorships/{requested.pk + 1000}/cancel/")
    assert theirs.status_code == absent.status_code == 404
    requested.refresh_from_db()
    assert requested.status == "accepted"


def test_accepting_a_cancelled_request_is_a_clear_400(
    client, mentoring_page, requested, mentor, mentee
):
    lifecycle.cancel(requested, mentee)
    client.force_login(mentor.user)
    response = client.post(f"/mentoring/mentorships/{requested.pk}/accept/")
    assert response.status_code == 400
    assert "This mentorship is cancelled, so it cannot be accepted." in response.content.decode()


def test_declining_needs_a_reason(client, mentoring_page, requested, mentor):
    client.force_login(mentor.user)
    response = client.post(f"/mentoring/mentorships/{requested.pk}/decline/", {"reason": ""})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    client.post(f"/mentoring/mentorships/{requested.pk}/decline/", {"reason": "On leave"})
    requested.refresh_from_db()
    assert requested.status == "declined" and requested.decline_reason == "On leave"


def test_actions_need_post_and_a_known_name(client, mentoring_page, requested, mentor):
    client.force_login(mentor.user)
    assert client.get(f"/mentoring/mentorships/{requested.pk}/accept/").status_code == 405
    assert client.post(f"/mentoring/mentorships/{requested.pk}/explode/").status_code == 404
    assert client.post("/mentoring/mentorships/999/accept/").status_code == 404


def test_goals_log_and_feedback(client, mentoring_page, requested, mentor, mentee, outsider):
    lifecycle.accept(requested, mentor.user)
    lifecycle.start(requested, mentee)
    base = f"/mentoring/mentorships/{requested.pk}/"
    client.force_login(mentee)
    client.post(base + "goals/", {"goals": "Ship the permit form"})
    client.post(base + "log/", {"date": "2026-02-03", "notes": "Mapped the process"})
    bad = client.post(base + "log/", {"date": "not a date", "notes": "x"})
    assert bad.status_code == 400 and "Enter a valid date." in bad.content.decode()
    requested.refresh_from_db()
    assert requested.goals == "Ship the permit form"
    entry = MeetingLogEntry.objects.get()
    assert entry.date == datetime.date(2026, 2, 3) and entry.author == mentee
    client.force_login(outsider)
    assert client.post(base + "goals/", {"goals": "hijack"}).status_code == 404
    client.force_login(mentee)
    assert client.post(base + "feedback/", {"rating": 5}).status_code == 400  # not ended yet
    lifecycle.complete(requested, mentor.user)
    page = client.get(base).content.decode()
    assert "Feedback for the coordinators" in page
    assert client.post(base + "goals/", {"goals": "late"}).status_code == 400
    client.post(base + "feedback/", {"rating": 4, "comments": "Very useful"})
    assert MentorshipFeedback.objects.get().rating == 4
    again = client.post(base + "feedback/", {"rating": 1})
    assert again.status_code == 400
    assert "already sent feedback" in again.content.decode()


def test_offer_to_mentor(client, mentoring_page, terms, verified_member):
    client.force_login(verified_member)
    assert client.get("/mentoring/offer/").status_code == 200
    data = {
        "headline": "Permits without pain",
        "topics": [terms["permits"].pk],
        "skills": "procurement",
        "languages": ["en", "fr"],
        "years_of_experience": 8,
        "capacity": 0,
        "availability": "open",
        "time_zone": "Europe/Paris",
        "formats": ["video"],
        "contact_email": "vera@private.example",
    }
    bad = client.post("/mentoring/offer/", data)
    assert bad.status_code == 400
    assert "Offer at least one place" in bad.content.decode()
    assert 'value="Permits without pain"' in bad.content.decode()
    data["capacity"] = 2
    response = client.post("/mentoring/offer/", data)
    mentor = MentorProfile.objects.get(user=verified_member)
    assert response["Location"] == f"/mentoring/mentors/{mentor.pk}/"
    assert sorted(mentor.language_codes()) == ["en", "fr"]
    data["languages"] = ["fr"]
    client.post("/mentoring/offer/", data)
    assert mentor.language_codes() == ["fr"]


def test_offer_needs_verification(client, mentoring_page, pending_member):
    client.force_login(pending_member)
    response = client.get("/mentoring/offer/")
    assert response.status_code == 403
    assert "Mentors are verified members" in response.content.decode()


@pytest.mark.parametrize("extra", [1, 8])
def test_my_mentorships_query_count(
    client, mentoring_page, mentee, extra, django_assert_num_queries
):
    for index in range(extra):
        lifecycle.request_mentorship(mentee, make_mentor(f"x{index}"), "hi")
    client.force_login(mentee)
    client.get("/mentoring/mentorships/")
    with django_assert_num_queries(MY_MENTORSHIPS_QUERIES):
        response = client.get("/mentoring/mentorships/")
    assert response.content.decode().count("/mentoring/mentorships/") >= extra


#: Includes the members app's group-restriction hook (2 queries for a signed-in visitor).
MY_MENTORSHIPS_QUERIES = 19


def test_profile_panel_lists_mentorships(client, mentoring_page, requested, mentee):
    client.force_login(mentee)
    content = client.get("/members/profile/").content.decode()
    assert "Your mentorships" in content
    assert f"/mentoring/mentorships/{requested.pk}/" in content
    assert "Mentored by Mona" in content


def test_emails_link_to_the_mentorship(
    mentoring_page, mentor, mentee, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        mentorship = lifecycle.request_mentorship(mentee, mentor, "hi")
    assert f"http://localhost/mentoring/mentorships/{mentorship.pk}/" in mail.outbox[0].body


def _assert_throttled(response):
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Please slow down" in response.content.decode()


def test_requests_are_rate_limited_per_member(client, settings, mentoring_page, mentee):
    """Each request emails a mentor: the member's budget is counted, the next one refused."""
    settings.CIVIC_WAGTAIL_RATE_LIMITS = {"mentorship_request": {"member": (1, 3600)}}
    first, second = make_mentor("ada"), make_mentor("bea")
    client.force_login(mentee)
    client.post(f"/mentoring/mentors/{first.pk}/request/", {"message": "Help!"})
    response = client.post(f"/mentoring/mentors/{second.pk}/request/", {"message": "Help!"})
    _assert_throttled(response)
    assert "many mentoring requests" in response.content.decode()
    assert list(Mentorship.objects.values_list("mentor", flat=True)) == [first.pk]


def test_mentorship_steps_are_rate_limited(client, settings, mentoring_page, requested, mentor):
    settings.CIVIC_WAGTAIL_RATE_LIMITS = {"mentorship_action": {"member": (1, 3600)}}
    client.force_login(mentor.user)
    assert client.post(f"/mentoring/mentorships/{requested.pk}/decline/", {}).status_code == 400
    _assert_throttled(client.post(f"/mentoring/mentorships/{requested.pk}/accept/"))
    requested.refresh_from_db()
    assert requested.status == "requested"


def test_offers_are_rate_limited(client, settings, mentoring_page, verified_member):
    settings.CIVIC_WAGTAIL_RATE_LIMITS = {"mentor_offer": {"member": (1, 3600)}}
    client.force_login(verified_member)
    client.post("/mentoring/offer/", {"headline": ""})
    _assert_throttled(client.post("/mentoring/offer/", {"headline": "Permits"}))
    assert client.get("/mentoring/offer/").status_code == 200  # reading is never counted
    assert not MentorProfile.objects.filter(user=verified_member).exists()


def test_withdrawing_is_a_danger_action_that_asks_for_confirmation(
    client, mentoring_page, requested, mentee
):
    client.force_login(mentee)
    url = f"/mentoring/mentorships/{requested.pk}/"
    page = client.get(url).content.decode()
    assert 'class="cw-button--danger"' in page
    # The first press only asks (no JavaScript needed); nothing changes yet.
    response = client.post(f"{url}cancel/", {"reason": "Found help"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Withdraw this request?" in html
    assert 'name="confirm" value="yes"' in html and 'value="Found help"' in html
    assert f'href="{url}"' in html  # "keep it" goes back
    requested.refresh_from_db()
    assert requested.status == "requested"
    response = client.post(f"{url}cancel/", {"reason": "Found help", "confirm": "yes"})
    assert response.status_code == 302
    requested.refresh_from_db()
    assert requested.status == "cancelled"
