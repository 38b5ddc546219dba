"""Teams through HTTP: creating, inviting and answering an invitation, with what a lead or a
colleague is told when the input is wrong, repeated or too frequent."""

import datetime

import pytest
from django.utils import timezone

from civic_wagtail.improvement.models import Team, TeamMember
from civic_wagtail.members.models import Notification
from tests.factories import member
from tests.utils import logged_in

pytestmark = pytest.mark.django_db


client_for = logged_in


@pytest.fixture
def team(owner):
    return Team.objects.create(name="Permits team", lead=owner)


@pytest.fixture
def colleague(db):
    return member(username="colleague", email="colleague@city.example.gov")


def test_creating_teams_is_rate_limited(improvement_page, owner, settings):
    settings.CIVIC_WAGTAIL_RATE_LIMITS = {"improvement": {"member": (1, 3600)}}
    client = client_for(owner)
    assert client.post("/improvement/teams/", {"name": "First"}).status_code == 302
    response = client.post("/improvement/teams/", {"name": "Second"})
    assert response.status_code == 429
    assert list(Team.objects.values_list("name", flat=True)) == ["First"]


@pytest.mark.parametrize("email", ["not an address", ""])
def test_an_invitation_needs_a_valid_address(improvement_page, owner, team, email):
    response = client_for(owner).post(f"/improvement/teams/{team.pk}/invite/", {"email": email})
    assert response.status_code == 400
    assert "Ask your colleague to sign up first" in response.content.decode()
    assert not TeamMember.objects.exists()


def test_inviting_a_colleague_twice_sends_one_invitation(improvement_page, owner, team, colleague):
    client = client_for(owner)
    url = f"/improvement/teams/{team.pk}/invite/"
    assert client.post(url, {"email": colleague.email}).status_code == 302
    response = client.post(url, {"email": colleague.email}, follow=True)
    assert response.status_code == 200
    assert "This colleague is already invited." in response.content.decode()
    assert TeamMember.objects.filter(team=team, user=colleague).count() == 1
    assert (
        Notification.objects.filter(
            recipient=colleague, kind="improvement.team_invitation"
        ).count()
        == 1
    )


def test_invitations_are_rate_limited(improvement_page, owner, team, colleague, settings):
    settings.CIVIC_WAGTAIL_RATE_LIMITS = {"improvement_invite": {"member": (1, 3600)}}
    client = client_for(owner)
    other = member(username="other", email="other@city.example.gov")
    client.post(f"/improvement/teams/{team.pk}/invite/", {"email": colleague.email})
    response = client.post(f"/improvement/teams/{team.pk}/invite/", {"email": other.email})
    assert response.status_code == 429
    assert "many team invitations" in response.content.decode()
    assert not TeamMember.objects.filter(user=other).exists()


def test_declining_an_invitation_removes_it(improvement_page, team, colleague):
    TeamMember.objects.create(team=team, user=colleague)
    client = client_for(colleague)
    response = client.post(f"/improvement/teams/{team.pk}/join/", {"action": "leave"})
    assert response.status_code == 302 and response["Location"] == "/improvement/teams/"
    assert not TeamMember.objects.filter(user=colleague).exists()
    assert client.get(f"/improvement/teams/{team.pk}/").status_code == 404


def test_joining_again_keeps_the_date_one_joined(improvement_page, team, colleague):
    joined = timezone.now() - datetime.timedelta(days=30)
    TeamMember.objects.create(team=team, user=colleague, joined_at=joined)
    response = client_for(colleague).post(
        f"/improvement/teams/{team.pk}/join/", {"action": "join"}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/improvement/teams/{team.pk}/"
    assert TeamMember.objects.get(user=colleague).joined_at == joined
