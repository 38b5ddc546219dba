"""The permission matrix, through HTTP: owner, mentor with a share, mentor without, team lead,
another member, anonymous visitor, admin. Every forbidden read or write answers 403 or 404
(anonymous reads are sent to sign in); the team lead sees aggregates only."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from civic_wagtail.improvement import access
from civic_wagtail.improvement.models import (
    AdoptionTracker,
    CheckIn,
    Goal,
    Team,
    TeamMember,
    TrackerIndicator,
)
from civic_wagtail.mentoring.models import Mentorship
from tests.factories import member
from tests.mentoring.helpers import make_mentor

from .helpers import make_assessment

pytestmark = pytest.mark.django_db

ROLES = ["owner", "mentor", "unshared_mentor", "lead", "other", "anon", "admin"]


@pytest.fixture
def world(improvement_page, framework, owner, mentor):
    second = make_mentor("mentor_two")
    Mentorship.objects.create(mentor=second, mentee=owner, message="Hi", status="active")
    lead = member(username="lead")
    team = Team.objects.create(name="Team", lead=lead)
    TeamMember.objects.create(team=team, user=owner, joined_at=timezone.now())
    assessment = make_assessment(owner, framework, [1, 2], [3, 4])
    access.share(assessment, mentor)
    goal = Goal.objects.create(
        user=owner, title="Private goal", kind="target", indicator="x", baseline=0, target=10
    )
    access.share(goal, mentor)
    checkin = CheckIn.objects.create(goal=goal, value=4, note="Secret note")
    tracker = AdoptionTracker.objects.create(
        user=owner, title="Tracker", organisation="O", place="P"
    )
    TrackerIndicator.objects.create(tracker=tracker, name="i", baseline=1)
    admin = get_user_model().objects.create_superuser("root", "root@city.example.gov", "pw")
    users = {
        "owner": owner,
        "mentor": mentor,
        "unshared_mentor": second.user,
        "lead": lead,
        "other": member(username="stranger"),
        "admin": admin,
    }
    clients = {"anon": Client()}
    for role, user in users.items():
        clients[role] = Client()
        clients[role].force_login(user)
    base = "/improvement/"
    return {
        "clients": clients,
        "urls": {
            "results": f"{base}assessments/{assessment.pk}/",
            "share_assessment": f"{base}assessments/{assessment.pk}/share/",
            "delete_assessment": f"{base}assessments/{assessment.pk}/delete/",
            "goal": f"{base}goals/{goal.pk}/",
            "check_in": f"{base}goals/{goal.pk}/check-in/",
            "share_goal": f"{base}goals/{goal.pk}/share/",
            "goal_status": f"{base}goals/{goal.pk}/status/",
            "delete_goal": f"{base}goals/{goal.pk}/delete/",
            "comment": f"{base}check-ins/{checkin.pk}/comment/",
            "delete_checkin": f"{base}check-ins/{checkin.pk}/delete/",
            "tracker": f"{base}trackers/{tracker.pk}/",
            "measure": f"{base}trackers/{tracker.pk}/measure/",
            "case_study": f"{base}trackers/{tracker.pk}/case-study/",
            "delete_tracker": f"{base}trackers/{tracker.pk}/delete/",
            "team": f"{base}teams/{team.pk}/",
            "invite": f"{base}teams/{team.pk}/invite/",
        },
        "goal": goal,
        "assessment": assessment,
    }


#: (url name, method, data, statuses in the order of ROLES)
MATRIX = [
    ("results", "GET", None, [200, 200, 404, 404, 404, 302, 404]),
    ("goal", "GET", None, [200, 200, 404, 404, 404, 302, 404]),
    ("tracker", "GET", None, [200, 404, 404, 404, 404, 302, 404]),
    ("team", "GET", None, [200, 404, 404, 200, 404, 302, 404]),
    ("share_assessment", "POST", {"mentor": ""}, [302, 404, 404, 404, 404, 403, 404]),
    (
        "check_in",
        "POST",
        {"date": "2026-01-01", "value": "5", "confidence": "2"},
        [302, 404, 404, 404, 404, 403, 404],
    ),
    ("share_goal", "POST", {"mentor": ""}, [302, 404, 404, 404, 404, 403, 404]),
    ("goal_status", "POST", {"status": "achieved"}, [302, 404, 404, 404, 404, 403, 404]),
    ("comment", "POST", {"body": "Nice"}, [302, 302, 404, 404, 404, 403, 404]),
    (
        "measure",
        "POST",
        {"indicator": "1", "date": "2026-01-01", "value": "2"},
        [None, 404, 404, 404, 404, 403, 404],
    ),
    ("case_study", "POST", {}, [None, 404, 404, 404, 404, 403, 404]),
    ("invite", "POST", {"email": "x@city.example.gov"}, [404, 404, 404, 400, 404, 403, 404]),
    ("delete_checkin", "POST", {}, [None, 404, 404, 404, 404, 403, 404]),
    ("delete_tracker", "POST", {}, [None, 404, 404, 404, 404, 403, 404]),
    ("delete_goal", "POST", {}, [None, 404, 404, 404, 404, 403, 404]),
    ("delete_assessment", "POST", {}, [None, 404, 404, 404, 404, 403, 404]),
]


@pytest.mark.parametrize(
    ("name", "method", "data", "expected"), MATRIX, ids=[row[0] + "-" + row[1] for row in MATRIX]
)
def test_permission_matrix(world, name, method, data, expected):
    url = world["urls"][name]
    # Others first: the owner's deletes would remove the object.
    for role, status in reversed(list(zip(ROLES, expected, strict=True))):
        if status is None:
            continue
        client = world["clients"][role]
        response = client.get(url) if method == "GET" else client.post(url, data or {})
        assert response.status_code == status, (role, name, response.status_code)


def test_forbidden_reads_show_nothing_private(world):
    for role in ("unshared_mentor", "lead", "other", "admin"):
        body = world["clients"][role].get(world["urls"]["goal"]).content.decode()
        assert "Secret note" not in body and "Private goal" not in body


def test_the_team_lead_sees_no_individual_result_and_nothing_below_the_threshold(world):
    body = world["clients"]["lead"].get(world["urls"]["team"]).content.decode()
    assert "Results appear once 5 members have" in body
    assert "Average level" not in body


def test_a_mentor_reads_the_shared_assessment_not_the_owners_other_ones(world, framework):
    other = make_assessment(world["goal"].user, framework, [2, 2])
    response = world["clients"]["mentor"].get(f"/improvement/assessments/{other.pk}/")
    assert response.status_code == 404
    assert world["clients"]["mentor"].get(world["urls"]["results"]).status_code == 200


def test_unsharing_takes_the_permission_back(world):
    client = world["clients"]["owner"]
    client.post(world["urls"]["share_goal"], {"mentor": ""})
    assert world["clients"]["mentor"].get(world["urls"]["goal"]).status_code == 404
    assert Goal.objects.get(pk=world["goal"].pk).shared_with is None
