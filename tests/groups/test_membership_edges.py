"""Starting a group, joining, leaving and the leads' member management through HTTP, with
each rule's refusal told to the member: a group keeps its lead, its limit, its invitations."""

import pytest
from django.contrib.messages import get_messages

from civic_wagtail.groups import membership, personal_data
from civic_wagtail.groups.models import Activity, Invitation, Membership, WorkingGroup
from tests.factories import TopicFactory, member

from .conftest import add_member, make_group

pytestmark = pytest.mark.django_db


def said(response):
    """The message the request left for the member (earlier ones wait, unread, before it)."""
    return [str(message) for message in get_messages(response.wsgi_request)][-1:]


def status_of(group, user):
    row = Membership.objects.filter(group=group, user=user).first()
    return row and (row.role, row.status)


# Starting a group


def test_a_member_starts_a_group_and_leads_it(client, groups_page, people):
    topic = TopicFactory(name="Waste", slug="waste")
    client.force_login(people["member"])
    response = client.post(
        "/groups/new/",
        {
            "name": "  Bin Sensors  ",
            "purpose": "Fewer trips.",
            "topics": [topic.pk],
            "visibility": "public",
            "joining": "open",
        },
    )
    group = WorkingGroup.objects.get()
    assert response.status_code == 302 and response["Location"] == "/groups/bin-sensors/"
    assert said(response) == ["Your group is ready: invite its first members."]
    assert (group.name, group.slug) == ("Bin Sensors", "bin-sensors")
    assert list(group.topics.all()) == [topic]
    assert status_of(group, people["member"]) == ("lead", "active")
    assert client.get("/groups/bin-sensors/members/").status_code == 200


@pytest.mark.parametrize(
    ("fields", "field", "error"),
    [
        ({"name": "!!!"}, "name", "Choose a name with letters or digits in it."),
        ({"name": "New"}, "name", "Choose a name with letters or digits in it."),
        ({"name": "Taken"}, "name", "A group with this name exists: choose another name."),
        (
            {"visibility": "secret", "joining": "request"},
            "joining",
            "A secret group can only be joined by invitation: choose that.",
        ),
    ],
)
def test_a_group_form_says_what_to_change(client, groups_page, people, fields, field, error):
    make_group(people["lead"], "Taken", "public")
    client.force_login(people["member"])
    data = {"name": "Fine", "purpose": "P", "visibility": "public", "joining": "open", **fields}
    response = client.post("/groups/new/", data)
    assert response.status_code == 400
    assert response.context["form"].errors[field] == [error]
    assert WorkingGroup.objects.count() == 1


def test_starting_groups_over_the_limit_answers_429(client, groups_page, people, settings):
    settings.CIVIC_WAGTAIL_RATE_LIMITS = {"group_action": {"member": (1, 3600)}}
    client.force_login(people["member"])
    data = {"purpose": "P", "visibility": "public", "joining": "open"}
    assert client.post("/groups/new/", {"name": "One", **data}).status_code == 302
    assert client.post("/groups/new/", {"name": "Two", **data}).status_code == 429
    assert list(WorkingGroup.objects.values_list("name", flat=True)) == ["One"]


# Joining and leaving


@pytest.fixture
def open_group(groups_page, people):
    return make_group(people["lead"], "Open", "public", joining="open")


def test_joining_an_open_group_welcomes_at_once(client, open_group, people):
    client.force_login(people["member"])
    response = client.post("/groups/open/join/")
    assert said(response) == ["Welcome: you are now a member of this group."]
    assert status_of(open_group, people["member"]) == ("member", "active")
    again = client.post("/groups/open/join/")
    assert said(again) == ["You are already a member of this group."]
    assert Membership.objects.filter(group=open_group).count() == 2


def test_a_second_request_waits_for_the_first(client, groups_page, people):
    group = make_group(people["lead"], "Asking", "public")
    client.force_login(people["member"])
    client.post("/groups/asking/join/", {"message": "Hello"})
    response = client.post("/groups/asking/join/", {"message": "Hello again"})
    assert said(response) == ["Your request is already waiting for a lead."]
    assert Membership.objects.get(group=group, user=people["member"]).message == "Hello"


def test_a_finished_group_takes_no_one(client, open_group, people):
    WorkingGroup.objects.filter(pk=open_group.pk).update(status=WorkingGroup.Status.FINISHED)
    client.force_login(people["member"])
    response = client.post("/groups/open/join/")
    assert said(response) == ["This group has finished its pilot and takes no new members."]
    assert status_of(open_group, people["member"]) is None


def test_joining_over_the_limit_answers_429(client, open_group, people, settings):
    settings.CIVIC_WAGTAIL_RATE_LIMITS = {"group_action": {"member": (1, 3600)}}
    client.force_login(people["member"])
    client.post("/groups/open/leave/")  # not a member: refused, but counted
    assert client.post("/groups/open/join/").status_code == 429
    assert status_of(open_group, people["member"]) is None


def test_a_member_leaves_and_loses_access(client, open_group, people):
    add_member(open_group, people["member"])
    client.force_login(people["member"])
    response = client.post("/groups/open/leave/")
    assert response["Location"] == "/groups/open/"
    assert said(response) == ["You have left the group."]
    assert client.get("/groups/open/threads/").status_code == 403
    open_group.refresh_from_db()
    assert open_group.member_count == 1


def test_leaving_a_secret_group_goes_back_to_the_list(client, groups_page, people):
    group = make_group(people["lead"], "Hush", "secret", joining="invitation")
    add_member(group, people["member"])
    client.force_login(people["member"])
    response = client.post("/groups/hush/leave/")
    assert response.status_code == 302 and response["Location"] == "/groups/"
    assert client.get("/groups/hush/").status_code == 404


def test_withdrawing_a_request_leaves_no_trace_in_the_activity(client, groups_page, people):
    group = make_group(people["lead"], "Asking", "public")
    membership.join(people["member"], group)
    client.force_login(people["member"])
    assert said(client.post("/groups/asking/leave/")) == ["You have left the group."]
    assert status_of(group, people["member"]) is None
    assert not Activity.objects.filter(group=group, verb=Activity.Verb.LEFT).exists()


def test_the_only_lead_cannot_leave(client, open_group, people):
    client.force_login(people["lead"])
    response = client.post("/groups/open/leave/")
    assert said(response) == [
        "A group always has a lead: hand the lead role to another member first."
    ]
    assert status_of(open_group, people["lead"]) == ("lead", "active")


# The leads' member management


@pytest.fixture
def asking(groups_page, people):
    group = make_group(people["lead"], "Asking", "members")
    add_member(group, people["member"])
    membership.join(people["pending"], group)
    return group


def _act(client, group, user, action):
    row = Membership.objects.get(group=group, user=user)
    return client.post(f"/groups/{group.slug}/members/{row.pk}/{action}/")


def test_a_lead_declines_a_request(client, asking, people):
    client.force_login(people["lead"])
    response = _act(client, asking, people["pending"], "decline")
    assert response["Location"] == "/groups/asking/members/"
    assert said(response) == ["The request is declined."]
    assert status_of(asking, people["pending"]) is None


def test_answering_a_request_twice_is_refused(client, asking, people):
    client.force_login(people["lead"])
    _act(client, asking, people["pending"], "approve")
    response = _act(client, asking, people["pending"], "approve")
    assert said(response) == ["This request has already been answered."]


def test_a_full_group_approves_no_one(client, asking, people):
    WorkingGroup.objects.filter(pk=asking.pk).update(member_limit=2)
    client.force_login(people["lead"])
    response = _act(client, asking, people["pending"], "approve")
    assert said(response) == ["This group is full: it has reached its member limit."]
    assert status_of(asking, people["pending"]) == ("member", "pending")


def test_a_lead_removes_a_member_and_the_activity_names_them(client, asking, people):
    client.force_login(people["lead"])
    response = _act(client, asking, people["member"], "remove")
    assert said(response) == ["The member is removed: their access has ended."]
    assert status_of(asking, people["member"]) is None
    removed = Activity.objects.get(group=asking, verb=Activity.Verb.REMOVED)
    assert (removed.actor, removed.subject) == (people["lead"], "Mo")
    client.force_login(people["member"])
    assert client.get("/groups/asking/threads/").status_code == 403


def test_a_lead_is_told_to_leave_rather_than_remove_themselves(client, asking, people):
    client.force_login(people["lead"])
    response = _act(client, asking, people["lead"], "remove")
    assert said(response) == ["To leave the group yourself, use Leave."]
    assert status_of(asking, people["lead"]) == ("lead", "active")


def test_only_an_active_member_becomes_a_lead(client, asking, people):
    client.force_login(people["lead"])
    response = _act(client, asking, people["pending"], "lead")
    assert said(response) == ["Only an active member can become a lead."]
    assert status_of(asking, people["pending"]) == ("member", "pending")


def test_a_site_admin_adds_a_lead_without_demoting_the_lead(client, asking, people):
    client.force_login(people["admin"])
    response = _act(client, asking, people["member"], "lead")
    assert said(response) == ["The lead role is handed over."]
    assert status_of(asking, people["member"]) == ("lead", "active")
    assert status_of(asking, people["lead"]) == ("lead", "active")


def test_a_lead_who_picks_themselves_stays_the_only_lead(client, asking, people):
    client.force_login(people["lead"])
    response = _act(client, asking, people["lead"], "lead")
    assert said(response) == ["The lead role is handed over."]
    assert status_of(asking, people["lead"]) == ("lead", "active")
    assert status_of(asking, people["member"]) == ("member", "active")


def test_unknown_members_and_actions_answer_404(client, asking, people):
    client.force_login(people["lead"])
    assert client.post("/groups/asking/members/999999/approve/").status_code == 404
    assert _act(client, asking, people["pending"], "promote").status_code == 404
    assert status_of(asking, people["pending"]) == ("member", "pending")


def test_member_management_is_post_only_and_for_leads(client, asking, people):
    client.force_login(people["member"])
    assert _act(client, asking, people["pending"], "approve").status_code == 403
    row = Membership.objects.get(group=asking, user=people["pending"])
    assert client.get(f"/groups/asking/members/{row.pk}/approve/").status_code == 405
    assert status_of(asking, people["pending"]) == ("member", "pending")


# Invitations


def test_a_lead_invites_by_email_and_a_second_invitation_renews_the_first(
    client, asking, people, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(people["lead"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/groups/asking/invite/", {"email": " Ana@Town.example.gov "})
    assert said(response) == ["The invitation is sent."]
    invitation = Invitation.objects.get(group=asking)
    assert invitation.email == "ana@town.example.gov"
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["ana@town.example.gov"]
    assert f"/groups/invitations/{invitation.token}/" in mailoutbox[0].body
    Invitation.objects.filter(pk=invitation.pk).update(
        created_at=invitation.created_at.replace(year=invitation.created_at.year - 1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/groups/asking/invite/", {"email": "ana@town.example.gov"})
    renewed = Invitation.objects.get(group=asking)
    assert renewed.pk == invitation.pk and renewed.is_valid()
    assert len(mailoutbox) == 2


def test_inviting_a_member_or_a_non_address_is_refused(client, asking, people, mailoutbox):
    client.force_login(people["lead"])
    response = client.post("/groups/asking/invite/", {"email": people["member"].email})
    assert said(response) == ["This person is already a member."]
    bad = client.post("/groups/asking/invite/", {"email": "not an address"})
    assert bad.status_code == 400
    assert "Enter an email address such as name@agency.gov." in bad.content.decode()
    assert not Invitation.objects.exists() and mailoutbox == []


def test_an_invitation_works_once(client, asking, people):
    invitee = member(username="ivy", email="ivy@town.example.gov")
    invitation = membership.invite(people["lead"], asking, invitee.email)
    client.force_login(invitee)
    url = f"/groups/invitations/{invitation.token}/"
    assert client.post(url)["Location"] == "/groups/asking/"
    response = client.post(url)
    assert response.status_code == 200
    assert said(response) == ["This invitation has expired or was already used."]
    assert Membership.objects.filter(group=asking, user=invitee).count() == 1


def test_accepting_an_invitation_as_a_member_keeps_one_membership(client, asking, people):
    invitation = membership.invite(people["lead"], asking, "late@town.example.gov")
    joined = member(username="late", email="late@town.example.gov")
    add_member(asking, joined)
    client.force_login(joined)
    assert client.post(f"/groups/invitations/{invitation.token}/").status_code == 302
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None
    assert status_of(asking, joined) == ("member", "active")
    asking.refresh_from_db()
    assert asking.member_count == 3


def test_accepting_over_the_limit_answers_429(client, asking, people, settings):
    settings.CIVIC_WAGTAIL_RATE_LIMITS = {"group_action": {"member": (1, 3600)}}
    invitee = member(username="ivy", email="ivy@town.example.gov")
    invitation = membership.invite(people["lead"], asking, invitee.email)
    client.force_login(invitee)
    client.post("/groups/asking/leave/")  # refused (not a member), but counted
    assert client.post(f"/groups/invitations/{invitation.token}/").status_code == 429
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_an_account_without_an_address_sees_the_list_without_invitations(client, asking, people):
    membership.invite(people["lead"], asking, "someone@town.example.gov")
    nobody = member(username="noaddress", email="")
    client.force_login(nobody)
    response = client.get("/groups/")
    assert response.status_code == 200
    assert response.context["invitations"] == []


# Erasure keeps a lead


def test_erasing_one_of_two_leads_leaves_the_other(asking, people):
    add_member(asking, people["nonmember"], role="lead")
    personal_data.erase_member(people["lead"])
    assert status_of(asking, people["nonmember"]) == ("lead", "active")
    assert status_of(asking, people["member"]) == ("member", "active")


def test_erasing_the_only_member_of_a_group(groups_page):
    alone = member(username="alone", email="")
    group = make_group(alone, "Alone", "public")
    personal_data.erase_member(alone)
    assert not group.memberships.exists()
    group.refresh_from_db()
    assert group.member_count == 0
