"""Follow-up emails to people who follow a discussion, with a one-click unsubscribe link."""

import re

import pytest
from django.core import mail
from django_comments_xtd.models import XtdComment

from tests.factories import member

from .helpers import post_comment

pytestmark = pytest.mark.django_db


def test_followers_are_emailed_and_can_unsubscribe(client, thread, verified_member):
    client.force_login(verified_member)
    post_comment(client, thread, "I follow this", followup=True)
    mail.outbox.clear()
    client.force_login(member(username="rhea"))
    post_comment(client, thread, "A new reply")
    assert [m.to for m in mail.outbox] == [[verified_member.email]]
    mute = re.search(r"/comments/mute/[^\s]+/", mail.outbox[0].body).group(0)

    client.logout()  # one click from the email, no log-in needed
    assert client.get(mute).status_code == 200
    assert not XtdComment.objects.get(comment="I follow this").followup
    mail.outbox.clear()
    client.force_login(member(username="otto"))
    post_comment(client, thread, "Another reply")
    assert mail.outbox == []


def test_held_comments_notify_followers_only_once_approved(
    client, thread, verified_member, pending_member, moderator, django_capture_on_commit_callbacks
):
    client.force_login(verified_member)
    post_comment(client, thread, "I follow this", followup=True)
    mail.outbox.clear()
    client.force_login(pending_member)
    post_comment(client, thread, "Held reply")
    assert mail.outbox == []
    held = XtdComment.objects.get(comment="Held reply")
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/discussion/moderation/comment/{held.pk}/",
            {"action": "approve", "reason": "fine"},
        )
    assert [m.to for m in mail.outbox] == [[verified_member.email]]


def test_thread_author_is_emailed_and_unsubscribes_in_one_click(client, thread, verified_member):
    client.force_login(member(username="rhea"))
    post_comment(client, thread, "Have you tried triage?")
    assert [m.to for m in mail.outbox] == [[verified_member.email]]
    body = mail.outbox[0].body
    assert "Have you tried triage?" in body and thread.get_url() in body
    unfollow = re.search(r"http://\S+/discussion/threads/unfollow/\S+/", body).group(0)

    client.logout()
    response = client.get(unfollow.replace("http://localhost", ""))
    assert response.status_code == 200
    thread.refresh_from_db()
    assert not thread.author_follows
    mail.outbox.clear()
    client.force_login(member(username="otto"))
    post_comment(client, thread, "Another reply")
    assert mail.outbox == []
    assert client.get("/discussion/threads/unfollow/forged/").status_code == 404


def test_authors_own_replies_do_not_email_them(client, thread, verified_member):
    client.force_login(verified_member)
    post_comment(client, thread, "My own follow-up")
    assert mail.outbox == []
