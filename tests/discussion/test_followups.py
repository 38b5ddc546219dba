"""Follow-up emails to people who follow a discussion, with a one-click unsubscribe link."""

import re

import pytest
from django.core import mail
from django_comments_xtd.models import XtdComment

from tests.factories import member
from tests.utils import assert_email_links_resolve

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


TRICKY = "Fees & \"O'Brien\" <draft>"


def test_discussion_emails_arrive_verbatim_in_plain_text(client, thread, verified_member):
    thread.title = TRICKY
    thread.save()
    client.force_login(member(username="rhea"))
    post_comment(client, thread, f"Try {TRICKY}", followup=True)
    (to_author,) = mail.outbox
    assert to_author.subject == f"New reply in “{TRICKY}”"
    assert f"Try {TRICKY}" in to_author.body
    mail.outbox.clear()
    client.force_login(member(username="otto"))
    post_comment(client, thread, "Me too & more")
    followup = next(m for m in mail.outbox if m.to == ["rhea@city.example.gov"])
    assert TRICKY in followup.subject and "Me too & more" in followup.body
    assert "http://localhost/" in followup.body  # the Wagtail site, not example.com
    for message in mail.outbox + [to_author]:
        text = message.subject + message.body
        assert not any(e in text for e in ("&amp;", "&#x27;", "&quot;", "&lt;", "&#39;"))
    assert_email_links_resolve([to_author, followup])


class FailingOnce:
    """An SMTP server that refuses the first connection, then delivers (locmem)."""

    failures = 1

    def __init__(self, *args, **kwargs):
        from django.core.mail.backends.locmem import EmailBackend

        self.inner = EmailBackend(*args, **kwargs)

    def send_messages(self, messages):
        if type(self).failures:
            type(self).failures -= 1
            raise ConnectionRefusedError("SMTP server unreachable")
        return self.inner.send_messages(messages)


def test_an_smtp_failure_while_posting_keeps_the_comment_and_retries_the_mail(
    client, settings, thread, verified_member
):
    from civic_wagtail.models import SentEmail

    settings.EMAIL_BACKEND = f"{__name__}.FailingOnce"
    FailingOnce.failures = 1
    client.force_login(member(username="rhea"))
    response = post_comment(client, thread, "Posted while the mail server is down")
    assert response.status_code == 302
    assert response["Location"].startswith("/")  # the normal redirect to the comment
    assert XtdComment.objects.filter(comment="Posted while the mail server is down").exists()
    assert [m.to for m in mail.outbox] == [[verified_member.email]]  # retried, sent once
    assert SentEmail.objects.count() == 1
