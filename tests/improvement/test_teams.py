"""Team results: aggregates only, computed in the database, none below the threshold."""

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from civic_wagtail.improvement.models import Team, TeamMember
from civic_wagtail.improvement.teams import aggregate
from civic_wagtail.members.models import Notification
from tests.factories import member

from .helpers import make_assessment

pytestmark = pytest.mark.django_db


def team_of(lead, size, framework, levels=(1, 3)):
    team = Team.objects.create(name="T", lead=lead)
    for n in range(size):
        user = member(username=f"teammate{n}")
        TeamMember.objects.create(team=team, user=user, joined_at=timezone.now())
        make_assessment(user, framework, [1, 1], days_ago=100)  # older: not counted
        make_assessment(user, framework, list(levels), [3, 4])
    return team


def test_aggregate_appears_at_the_threshold_and_uses_latest_assessments(framework, owner):
    team = team_of(owner, 4, framework)
    assert not aggregate(team, framework).shown
    assert aggregate(team, framework).rows == []
    newcomer = member(username="newcomer")
    TeamMember.objects.create(team=team, user=newcomer, joined_at=timezone.now())
    make_assessment(newcomer, framework, [3, 3], [3, 4])
    result = aggregate(team, framework)
    assert result.shown and result.respondents == 5
    first, second = result.rows
    assert first["average"] == pytest.approx(1.4)  # (1*4 + 3) / 5
    assert first["with_gap"] == 4
    assert second["average"] == 3.0


def test_invited_members_who_did_not_join_are_not_counted(framework, owner):
    team = team_of(owner, 5, framework)
    TeamMember.objects.filter(team=team).update(joined_at=None)
    assert aggregate(team, framework).respondents == 0


@override_settings(CIVIC_WAGTAIL_IMPROVEMENT_TEAM_MIN_RESPONSES=2)
def test_threshold_is_a_setting(framework, owner):
    team = team_of(owner, 2, framework)
    assert aggregate(team, framework).shown


def test_aggregate_costs_the_same_queries_for_any_team_size(framework, owner):
    small = team_of(owner, 5, framework)
    large = team_of(member(username="biglead"), 0, framework)
    for n in range(30):
        user = member(username=f"big{n}")
        TeamMember.objects.create(team=large, user=user, joined_at=timezone.now())
        for days in (300, 200, 1):
            make_assessment(user, framework, [2, 2], [3, 3], days_ago=days)
    with CaptureQueriesContext(connection) as few:
        aggregate(small, framework)
    with CaptureQueriesContext(connection) as many:
        aggregate(large, framework)
    assert len(few.captured_queries) == len(many.captured_queries)


def test_invite_and_join(improvement_page, framework, owner):
    lead_client = Client()
    lead_client.force_login(owner)
    lead_client.post("/improvement/teams/", {"name": "Permits team"})
    team = Team.objects.get(lead=owner)
    colleague = member(username="colleague", email="colleague@city.example.gov")
    response = lead_client.post(
        f"/improvement/teams/{team.pk}/invite/", {"email": "COLLEAGUE@city.example.gov"}
    )
    assert response.status_code == 302
    assert Notification.objects.filter(
        recipient=colleague, kind="improvement.team_invitation"
    ).exists()
    client = Client()
    client.force_login(colleague)
    assert "Join the team" in client.get(f"/improvement/teams/{team.pk}/").content.decode()
    client.post(f"/improvement/teams/{team.pk}/join/", {"action": "join"})
    assert TeamMember.objects.get(user=colleague).joined_at is not None
