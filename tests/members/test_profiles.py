import pytest
from wagtail.models import ModelLogEntry

from civic_wagtail.members.models import MemberProfile, get_profile
from tests.factories import TopicFactory, UserFactory, member

pytestmark = pytest.mark.django_db


def test_profile_page_requires_log_in(client):
    response = client.get("/members/profile/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_member_edits_their_profile(client, verified_member):
    topic = TopicFactory(name="Permits")
    client.force_login(verified_member)
    response = client.get("/members/profile/")
    assert response.status_code == 200
    assert "Verified public servant" in response.content.decode()
    response = client.post(
        "/members/profile/",
        {
            "display_name": "Vera Valid",
            "job_title": "Permit lead",
            "organisation": "Harbour City",
            "topics": [topic.pk],
            "bio": "Fixing permits.",
            "public_fields": ["job_title", "topics"],
        },
    )
    assert response.status_code == 302
    profile = MemberProfile.objects.get(user=verified_member)
    assert profile.display_name == "Vera Valid"
    assert list(profile.topics.all()) == [topic]
    assert profile.public_fields == ["job_title", "topics"]


def test_blank_name_is_explained_and_nothing_is_lost(client, verified_member):
    client.force_login(verified_member)
    response = client.post(
        "/members/profile/", {"display_name": "  ", "job_title": "Permit lead"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["display_name"]
    assert 'value="Permit lead"' in response.content.decode()


def test_public_profile_shows_only_public_fields(client, verified_member):
    profile = get_profile(verified_member)
    profile.job_title = "Permit lead"
    profile.organisation = "Secret Agency"
    profile.bio = "Private bio"
    profile.public_fields = ["job_title"]
    profile.save()
    page = client.get(f"/members/{profile.pk}/").content.decode()
    assert "Permit lead" in page
    assert "Secret Agency" not in page
    assert "Private bio" not in page
    assert verified_member.email not in page


def test_unknown_or_inactive_member_is_404(client, verified_member):
    assert client.get("/members/999999/").status_code == 404
    verified_member.is_active = False
    verified_member.save()
    assert client.get(f"/members/{get_profile(verified_member).pk}/").status_code == 404


class TestCoordinatorApproval:
    url = "/admin/civic_wagtail_members_admin/"

    def test_moderator_approves_a_pending_member(self, client, pending_member):
        moderator = member(username="mo", role_names=["moderators"])
        client.force_login(moderator)
        profile = get_profile(pending_member)
        listing = client.get(self.url, {"verification_status": "pending"})
        assert listing.status_code == 200
        assert profile.display_name in listing.content.decode()
        response = client.post(
            f"{self.url}edit/{profile.pk}/", {"verification_status": "verified"}
        )
        assert response.status_code == 302
        profile.refresh_from_db()
        assert profile.is_verified
        assert profile.verification_method == MemberProfile.Method.COORDINATOR
        assert profile.verified_by == moderator
        entry = ModelLogEntry.objects.get(action="civic_wagtail_members.verified")
        assert entry.user == moderator

    def test_members_cannot_reach_the_queue(self, client, pending_member):
        client.force_login(member(username="max"))
        assert client.get(self.url).status_code == 302  # no admin access at all
        # Wagtail answers a permission denial in its admin with a redirect and a message.
        editor = member(username="eli", role_names=["editors"])
        client.force_login(editor)
        assert client.get(self.url)["Location"] == "/admin/"
        profile = get_profile(pending_member)
        response = client.post(
            f"{self.url}edit/{profile.pk}/", {"verification_status": "verified"}
        )
        assert response["Location"] == "/admin/"
        profile.refresh_from_db()
        assert not profile.is_verified

    def test_profiles_are_not_created_in_the_admin(self, client):
        client.force_login(UserFactory(is_superuser=True, is_staff=True))
        response = client.get(f"{self.url}new/")
        assert response.status_code == 302
        assert response["Location"] == "/admin/"


class TestCoordinatorsVerify:
    """The pending page says "a coordinator will review": coordinators can, and the member
    hears of the decision."""

    url = "/admin/civic_wagtail_members_admin/"

    @pytest.mark.parametrize(
        ("status", "action", "words"),
        [("verified", "civic_wagtail_members.verified", "verified"),
         ("rejected", "civic_wagtail_members.rejected", "not been verified")],
    )
    def test_coordinator_decides_and_the_member_is_emailed(
        self, client, pending_member, django_capture_on_commit_callbacks, status, action, words
    ):
        from django.core import mail

        coordinator = member(username="cora", role_names=["mentoring_coordinators"])
        client.force_login(coordinator)
        profile = get_profile(pending_member)
        assert client.get(self.url, {"verification_status": "pending"}).status_code == 200
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                f"{self.url}edit/{profile.pk}/", {"verification_status": status}
            )
        assert response.status_code == 302
        profile.refresh_from_db()
        assert profile.verification_status == status
        assert ModelLogEntry.objects.get(action=action).user == coordinator
        assert [m.to for m in mail.outbox] == [[pending_member.email]]
        assert words in mail.outbox[0].body
        assert "/members/profile/" in mail.outbox[0].body
        # A second save with the same decision mails nobody again.
        with django_capture_on_commit_callbacks(execute=True):
            client.post(f"{self.url}edit/{profile.pk}/", {"verification_status": status})
        assert len(mail.outbox) == 1

    def test_pending_page_names_the_role_that_verifies(self, client, pending_member):
        from civic_wagtail import roles

        client.force_login(pending_member)
        assert "a coordinator will review" in client.get("/members/profile/").content.decode()
        coordinators = roles.get_group(roles.MENTORING_COORDINATORS)
        assert coordinators.permissions.filter(codename="change_memberprofile").exists()
