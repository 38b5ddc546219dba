"""Matching: hand-computed scores and reasons, exclusions, tie-breaks and a pinned query count.

Default weights: topic 3 (each), skill 2 (each), language 2, level 2, region 1.
"""

import pytest
from django.test import override_settings

from civic_wagtail.members.models import get_profile
from civic_wagtail.mentoring.matching import MenteeNeeds, rank
from civic_wagtail.mentoring.models import MentorProfile, Mentorship
from tests.factories import GovernmentLevelFactory, RegionFactory, TopicFactory, member

from .helpers import make_mentor

pytestmark = pytest.mark.django_db


@pytest.fixture
def terms():
    return {
        "permits": TopicFactory(name="Permits", slug="permits"),
        "digital": TopicFactory(name="Digital services", slug="digital"),
        "waste": TopicFactory(name="Waste", slug="waste"),
        "municipal": GovernmentLevelFactory(name="Municipal", slug="municipal"),
        "national": GovernmentLevelFactory(name="National", slug="national"),
        "canada": RegionFactory(name="Canada", slug="canada"),
        "france": RegionFactory(name="France", slug="france"),
    }


def _occupy(mentor, count):
    for index in range(count):
        Mentorship.objects.create(
            mentor=mentor,
            mentee=member(username=f"{mentor.user.username}-mentee{index}"),
            message="hi",
            status=Mentorship.Status.ACCEPTED,
        )


@pytest.fixture
def world(terms, mentee):
    t = terms
    get_profile(mentee).__class__.objects.filter(user=mentee).update(organisation="Town Office")
    mentors = {
        "alice": make_mentor(
            "alice", [t["permits"], t["digital"]], ["en", "es"], [t["municipal"]], t["france"],
            capacity=3,
        ),
        "bob": make_mentor(
            "bob", [t["permits"]], ["es"], [t["municipal"]], t["canada"], capacity=1, years=20,
            skills="procurement, budgeting",
        ),
        "carol": make_mentor("carol", [t["digital"]], ["en"], [], t["canada"], years=12),
        "dan": make_mentor("dan", [t["digital"]], ["en"], [], t["canada"], years=12),
        "erin": make_mentor("erin", [t["waste"]], ["en"], [], t["france"]),
        # Would rank first, but are excluded:
        "paula": make_mentor(
            "paula", [t["permits"], t["digital"]], ["es"], [t["municipal"]], t["canada"],
            availability="paused",
        ),
        "fred": make_mentor(
            "fred", [t["permits"], t["digital"]], ["es"], [t["municipal"]], availability="full"
        ),
        "gina": make_mentor("gina", [t["permits"], t["digital"]], ["es"], capacity=1),
        "hank": make_mentor(
            "hank", [t["permits"], t["digital"]], ["es"], organisation="town office"
        ),
        "ivan": make_mentor("ivan", [t["permits"], t["digital"]], ["es"], verified=False),
        "jack": make_mentor("jack", [t["permits"], t["digital"]], ["es"]),
    }
    _occupy(mentors["alice"], 2)
    _occupy(mentors["gina"], 1)
    Mentorship.objects.create(mentor=mentors["jack"], mentee=mentee, message="please")
    # The mentee is a mentor too, and must not be matched with themself.
    MentorProfile.objects.create(
        user=mentee, headline="me", contact_email="me@example.gov", capacity=3
    ).topics.set([t["permits"], t["digital"]])
    return mentors


def _needs(terms, mentee, **overrides):
    data = {
        "goals": "I want to get better at Procurement and user research.",
        "topic_ids": [terms["permits"].pk, terms["digital"].pk],
        "languages": ["es"],
        "level_id": terms["municipal"].pk,
        "region_id": terms["canada"].pk,
        "user": mentee,
        "organisation": "Town Office",
    }
    data.update(overrides)
    return MenteeNeeds(**data)


def test_ranking_and_reasons_are_the_hand_computed_ones(world, terms, mentee):
    matches = rank(_needs(terms, mentee))
    assert [(m.mentor.user.username, m.score) for m in matches] == [
        ("bob", 10),  # permits 3 + procurement 2 + Spanish 2 + municipal 2 + Canada 1
        ("alice", 10),  # permits 3 + digital 3 + Spanish 2 + municipal 2; fewer years than bob
        # carol and dan (digital 3 + Canada 1) speak only English: not for a Spanish speaker
    ]
    by_name = {m.mentor.user.username: m.explanation for m in matches}
    assert by_name["alice"] == (
        # topics in their alphabetical order, whatever order the mentee chose them in
        "shares Digital services and Permits; speaks Spanish; works at municipal level; "
        "1 of 3 places free"
    )
    assert by_name["bob"] == (
        "shares Permits; has the skills you mention: procurement; speaks Spanish; "
        "works at municipal level; based in Canada; 1 of 1 place free"
    )
    either = rank(_needs(terms, mentee, languages=[]))  # no language asked: all may fit
    assert [(m.mentor.user.username, m.score) for m in either][2:] == [("carol", 4), ("dan", 4)]
    explained = {m.mentor.user.username: m.explanation for m in either}
    assert explained["carol"] == "shares Digital services; based in Canada; 2 of 2 places free"


def test_a_mentor_without_a_language_the_mentee_can_use_is_not_suggested(terms, mentee):
    """The French-only mentor with every other match is not offered to an English speaker."""
    t = terms
    make_mentor("amelie", [t["permits"], t["digital"]], ["fr"], [t["municipal"]], t["canada"],
                skills="procurement", years=30)
    make_mentor("ed", [t["waste"]], ["en"])
    needs = _needs(terms, mentee, languages=["en"], topic_ids=[t["permits"].pk, t["waste"].pk])
    assert [m.mentor.user.username for m in rank(needs)] == ["ed"]
    both = _needs(terms, mentee, languages=["en", "fr"], topic_ids=[t["permits"].pk])
    amelie = rank(both)[0]
    assert amelie.mentor.user.username == "amelie" and "speaks French" in amelie.explanation


def test_excluded_mentors_are_never_listed(world, terms, mentee):
    names = {m.mentor.user.username for m in rank(_needs(terms, mentee), limit=100)}
    # paused, full by choice, full by places, same organisation, unverified, already asked,
    # no shared point at all:
    assert not names & {"paula", "fred", "gina", "hank", "ivan", "jack", "erin"}


@override_settings(CIVIC_WAGTAIL_MENTORING_EXCLUDE_SAME_ORGANISATION=False)
def test_same_organisation_is_a_setting(world, terms, mentee):
    matches = rank(_needs(terms, mentee))
    # permits 3 + digital 3 + Spanish 2 = 8: after bob and alice (10), before carol (4).
    assert [(m.mentor.user.username, m.score) for m in matches][:3] == [
        ("bob", 10),
        ("alice", 10),
        ("hank", 8),
    ]


def test_weights_are_settings(world, terms, mentee):
    with override_settings(
        CIVIC_WAGTAIL_MENTORING_MATCH_WEIGHTS={
            "topic": 1, "skill": 0, "language": 0, "level": 0, "region": 10
        }
    ):
        matches = rank(_needs(terms, mentee, languages=[]))  # no language: nobody left out
    # Canada: bob 1+10, carol 1+10, dan 1+10 -> then alice 2. Ties: free places (carol and
    # dan 2, bob 1), then years (12 = 12), then the older profile.
    assert [(m.mentor.user.username, m.score) for m in matches] == [
        ("carol", 11),
        ("dan", 11),
        ("bob", 11),
        ("alice", 2),
    ]


def test_the_same_question_gets_the_same_answer(world, terms, mentee):
    first = [(m.mentor.pk, m.explanation) for m in rank(_needs(terms, mentee))]
    assert all(
        [(m.mentor.pk, m.explanation) for m in rank(_needs(terms, mentee))] == first
        for _ in range(3)
    )


def test_limit(world, terms, mentee):
    assert len(rank(_needs(terms, mentee), limit=2)) == 2


def test_anonymous_needs_still_rank(world, terms):
    matches = rank(MenteeNeeds(topic_ids=[terms["permits"].pk]), limit=100)
    names = {m.mentor.user.username for m in matches}
    assert {"alice", "bob", "hank", "jack"} <= names
    assert not names & {"paula", "fred", "gina", "ivan"}


@pytest.mark.parametrize("extra", [0, 30])
def test_query_count_does_not_grow_with_mentors(
    world, terms, mentee, extra, django_assert_num_queries
):
    for index in range(extra):
        make_mentor(f"more{index}", [terms["permits"]], ["es"], [terms["municipal"]])
    # candidates, topic rows, language rows, level rows, shown mentors + 3 prefetches
    with django_assert_num_queries(8):
        matches = rank(_needs(terms, mentee))
        [m.explanation for m in matches]
    assert len(matches) == min(10, 2 + extra)  # carol and dan speak no Spanish
