"""The lifecycle through HTTP: request, approval, a private thread, a file, a failed
experiment, and the lead's one action that drafts the case study into review."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail import hooks

from civic_wagtail import drafts
from civic_wagtail.discussion.models import Thread
from civic_wagtail.groups import membership
from civic_wagtail.groups.models import Experiment, Membership, WorkingGroup

from .conftest import add_member, make_group


@pytest.fixture
def submitted():
    """A stand-in for the library's ``civic_wagtail_submit_draft`` (tested there)."""
    received = []

    class FakePage:
        pk = 4242
        title = "drafted"

    def submit(draft, *, user, site=None, locale=None):
        received.append((draft, user))
        return FakePage()

    with hooks.register_temporarily(drafts.HOOK, submit):
        yield received


@pytest.mark.django_db
def test_request_approve_post_upload_log_and_draft(client, groups_page, forum, people, submitted):
    lead, newcomer = people["lead"], people["nonmember"]
    group = make_group(lead, "Route pilots", "members")
    base = f"/groups/{group.slug}/"

    client.force_login(newcomer)
    assert client.post(base + "join/", {"message": "We test routes too."}).status_code == 302
    assert Membership.objects.get(group=group, user=newcomer).status == "pending"
    assert client.get(base + "threads/").status_code == 403

    client.force_login(lead)
    requested = Membership.objects.get(group=group, user=newcomer)
    assert client.get(base + "members/").status_code == 200
    client.post(f"{base}members/{requested.pk}/approve/")
    assert Membership.objects.get(group=group, user=newcomer).status == "active"

    client.force_login(newcomer)
    response = client.post(base + "threads/new/", {"title": "Our numbers", "body": "Here."})
    thread = Thread.objects.get(title="Our numbers")
    assert response.status_code == 302 and response["Location"] == thread.get_url()
    assert thread.owner_id == str(group.pk)
    assert client.get(thread.get_url()).status_code == 200
    upload = SimpleUploadedFile("notes.txt", b"route notes", content_type="text/plain")
    assert client.post(base + "files/", {"title": "Notes", "file": upload}).status_code == 302
    shared = group.files.get()
    download = client.get(f"{base}files/{shared.pk}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"route notes"
    missing_why = {
        "what": "Routes by app",
        "where": "Old town",
        "started_on": "2026-03-01",
        "result": "failed",
    }
    refused = client.post(base + "pilot/", missing_why)
    assert refused.status_code == 400
    assert "Say why it did not work" in refused.content.decode()
    client.post(base + "pilot/", {**missing_why, "why": "No mobile signal in the old town."})
    assert group.experiments.get().result == Experiment.Result.FAILED
    assert client.post(base + "pilot/draft/").status_code == 403  # not a lead

    client.force_login(lead)
    client.post(base + "pilot/", {"part": "hypothesis", "hypothesis": "Sensors cut distance."})
    response = client.post(base + "pilot/draft/", {"kind": "case_study"})
    assert response.status_code == 302
    ((draft, user),) = submitted
    assert user == lead
    assert "No mobile signal in the old town." in draft.what_did_not_work
    assert "Routes by app" in draft.what_did_not_work
    assert draft.challenge.startswith("Sensors cut distance.")
    assert set(draft.contributors) == {lead, newcomer}
    group.refresh_from_db()
    assert group.draft_page_id == 4242 and group.status == WorkingGroup.Status.FINISHED
    # One action: a second draft is refused.
    client.post(base + "pilot/draft/")
    assert len(submitted) == 1


@pytest.mark.django_db
def test_a_group_always_has_a_lead(people, groups_page):
    lead, other = people["lead"], people["member"]
    group = make_group(lead, "Lead test", "public", joining="open")
    add_member(group, other)
    with pytest.raises(membership.MembershipError):
        membership.leave(lead, group)
    membership.hand_over(lead, Membership.objects.get(group=group, user=other))
    membership.leave(lead, group)
    assert group.memberships.get().role == "lead"


@pytest.mark.django_db
def test_member_limit_and_open_joining(people, groups_page):
    group = make_group(people["lead"], "Tiny", "public", joining="open", member_limit=2)
    membership.join(people["member"], group)
    group.refresh_from_db()
    with pytest.raises(membership.MembershipError, match="full"):
        membership.join(people["nonmember"], group)


@pytest.mark.django_db
def test_invitation_by_email_works_after_sign_up(client, people, groups_page):
    from tests.factories import member

    group = make_group(people["lead"], "Hidden", "secret", joining="invitation")
    with django_capture_on_commit():
        invitation = membership.invite(people["lead"], group, "Later@County.example.gov")
    assert invitation.email == "later@county.example.gov"
    url = f"/groups/invitations/{invitation.token}/"
    assert client.get(url).status_code == 302  # log in or sign up first
    newcomer = member(username="later", email="later@county.example.gov")
    client.force_login(newcomer)
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 302
    assert client.get(f"/groups/{group.slug}/threads/").status_code == 200
    # Someone else holding the link learns nothing.
    client.force_login(people["nonmember"])
    assert client.get(url).status_code == 404


def django_capture_on_commit():
    from django.test import TestCase

    return TestCase.captureOnCommitCallbacks(execute=True)


@pytest.mark.django_db
def test_group_events_in_personal_feeds_only(client, world, people):
    from civic_wagtail.events.models import CalendarToken

    title = world["secret"]["event"].title
    member_feed = f"/calendar/member/{CalendarToken.for_user(people['member']).token}.ics"
    former_feed = f"/calendar/member/{CalendarToken.for_user(people['former']).token}.ics"
    assert title in client.get(member_feed).content.decode()
    assert "Group secret" in client.get(member_feed).content.decode()
    assert title not in client.get(former_feed).content.decode()
    assert title not in client.get("/calendar/all.ics").content.decode()
    etag = client.get(member_feed)["ETag"]
    membership.leave(people["member"], world["secret"]["group"])
    after = client.get(member_feed)
    assert after["ETag"] != etag
    assert "Group secret" not in after.content.decode()


@pytest.mark.django_db
def test_export_and_erase(people, world):
    from civic_wagtail.groups import personal_data

    exported = personal_data.export_member(people["lead"])
    assert len(exported["working_groups"]) == 3
    personal_data.erase_member(people["lead"])
    for item in world.values():
        group = item["group"]
        # The lead role passed to the remaining member: a group always has a lead.
        assert group.memberships.filter(role="lead").exists()
    assert not Membership.objects.filter(user=people["lead"]).exists()
