"""Reports, automatic hiding, the admin queue, reasons shown to authors, blocks, audit log."""

import pytest
from django.test import override_settings
from django.urls import reverse
from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment
from wagtail.models import ModelLogEntry

from civic_wagtail.discussion.models import PostingBlock, Thread
from tests.factories import member

from .helpers import post_comment

pytestmark = pytest.mark.django_db

QUEUE = "/admin/discussion/moderation/"
REASON = {"reason": "spam", "details": ""}


@pytest.fixture
def reply(client, thread, verified_member):
    client.force_login(verified_member)
    post_comment(client, thread, "An off-topic advert")
    client.logout()
    return XtdComment.objects.get()


def report(client, comment, n, start=0):
    for i in range(start, start + n):
        client.force_login(member(username=f"reporter{i}"))
        assert (
            client.post(f"/discussion/comments/{comment.pk}/flag/", REASON).status_code
            == 302
        )


@override_settings(CIVIC_WAGTAIL_DISCUSSION_AUTO_HIDE_FLAGS=3)
def test_n_reports_hide_and_a_moderator_restores(client, thread, reply, moderator):
    report(client, reply, 2)
    reply.refresh_from_db()
    assert reply.is_public
    report(client, reply, 1, start=2)
    reply.refresh_from_db()
    assert not reply.is_public
    assert reply.civic_moderation.state == "hidden"
    assert ModelLogEntry.objects.filter(action="civic_wagtail_discussion.auto_hide").exists()
    html = client.get(thread.get_url()).content.decode()
    assert "Hidden automatically" in html and "An off-topic advert" not in html

    client.force_login(moderator)
    hidden_queue = client.get(QUEUE + "?tab=hidden")
    assert hidden_queue.status_code == 200
    assert "An off-topic advert" in hidden_queue.content.decode()
    response = client.post(
        reverse("civic_wagtail_discussion_moderate_comment", args=[reply.pk]),
        {"action": "restore", "reason": "reports were unfounded"},
    )
    assert response.status_code == 302
    reply.refresh_from_db()
    assert reply.is_public
    entry = ModelLogEntry.objects.get(action="civic_wagtail_discussion.restore")
    assert entry.user == moderator and entry.data["reason"] == "reports were unfounded"
    # Earlier reports are dealt with: one more does not hide it again.
    report(client, reply, 1, start=5)
    reply.refresh_from_db()
    assert reply.is_public


def test_moderator_hides_with_a_reason_shown_to_the_author(
    client, thread, reply, moderator, verified_member
):
    report(client, reply, 1)
    client.force_login(moderator)
    flagged = client.get(QUEUE).content.decode()
    assert "An off-topic advert" in flagged and "1 report" in flagged
    url = reverse("civic_wagtail_discussion_moderate_comment", args=[reply.pk])
    missing = client.post(url, {"action": "hide", "reason": ""})
    assert missing.status_code == 302
    reply.refresh_from_db()
    assert reply.is_public  # no reason, no action
    client.post(url, {"action": "hide", "reason": "off-topic"})
    reply.refresh_from_db()
    assert not reply.is_public
    log = ModelLogEntry.objects.get(action="civic_wagtail_discussion.hide")
    assert log.data["reason"] == "off-topic" and "Vera" not in log.label

    client.force_login(verified_member)
    html = client.get(thread.get_url()).content.decode()
    assert "Hidden by a moderator:" in html and "off-topic" in html
    thread.refresh_from_db()
    assert thread.reply_count == 0


def test_held_comment_is_approved_from_the_queue(client, forum, thread, pending_member, moderator):
    client.force_login(pending_member)
    post_comment(client, thread, "Please approve me")
    comment = XtdComment.objects.get()
    client.force_login(moderator)
    assert "Please approve me" in client.get(QUEUE + "?tab=held").content.decode()
    client.post(
        reverse("civic_wagtail_discussion_moderate_comment", args=[comment.pk]),
        {"action": "approve", "reason": "meets the community guidelines"},
    )
    comment.refresh_from_db()
    assert comment.is_public
    thread.refresh_from_db()
    assert thread.reply_count == 1


def test_held_thread_is_approved(client, forum, pending_member, moderator):
    thread = Thread.objects.create(
        forum=forum, title="Held one", body="b", author=pending_member, status="held"
    )
    client.force_login(moderator)
    assert "Held one" in client.get(QUEUE + "?tab=threads").content.decode()
    client.post(
        reverse("civic_wagtail_discussion_moderate_thread", args=[thread.pk]),
        {"action": "approve", "reason": "fine"},
    )
    thread.refresh_from_db()
    assert thread.status == Thread.Status.PUBLISHED
    assert ModelLogEntry.objects.filter(action="civic_wagtail_discussion.approve").exists()


def test_non_moderators_get_403(client, reply, editor, verified_member):
    client.force_login(editor)  # has admin access, not the moderation permission
    assert client.get(QUEUE).status_code == 403
    url = reverse("civic_wagtail_discussion_moderate_comment", args=[reply.pk])
    assert client.post(url, {"action": "hide", "reason": "x"}).status_code == 403
    reply.refresh_from_db()
    assert reply.is_public
    client.force_login(verified_member)  # no admin access at all
    assert client.get(QUEUE).status_code in (302, 403)


def test_blocking_a_member_from_the_admin_is_logged(client, moderator, verified_member, thread):
    client.force_login(moderator)
    response = client.post(
        reverse("civic_wagtail_discussion_blocks:add"),
        {"user": verified_member.pk, "reason": "harassment"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    block = PostingBlock.objects.get()
    assert block.blocked_by == moderator
    assert ModelLogEntry.objects.filter(action="wagtail.create").exists()
    client.force_login(verified_member)
    assert post_comment(client, thread, "still here?").status_code == 403


def test_cannot_report_own_comment_or_hidden_ones(client, reply, verified_member):
    client.force_login(verified_member)
    assert client.post(f"/discussion/comments/{reply.pk}/flag/").status_code == 403
    assert not CommentFlag.objects.exists()
    assert client.post("/discussion/comments/999999/flag/").status_code == 404


def test_moderator_hides_a_thread_from_its_page(client, thread, moderator, verified_member):
    client.force_login(moderator)
    html = client.get(thread.get_url()).content.decode()
    assert "Moderate this thread" in html
    response = client.post(
        reverse("civic_wagtail_discussion_moderate_thread", args=[thread.pk]),
        {"action": "hide", "reason": "duplicate thread", "back": thread.get_url()},
    )
    assert response["Location"] == thread.get_url()
    thread.refresh_from_db()
    assert thread.status == Thread.Status.HIDDEN
    client.logout()
    assert client.get(thread.get_url()).status_code == 404
    client.force_login(verified_member)  # the author sees why
    assert "Hidden by a moderator:" in client.get(thread.get_url()).content.decode()
    client.force_login(moderator)
    client.post(
        reverse("civic_wagtail_discussion_moderate_thread", args=[thread.pk]),
        {"action": "restore", "reason": "not a duplicate after all"},
    )
    assert ModelLogEntry.objects.filter(action="civic_wagtail_discussion.restore").exists()
    # Only local paths are followed back.
    response = client.post(
        reverse("civic_wagtail_discussion_moderate_thread", args=[thread.pk]),
        {"action": "hide", "reason": "x", "back": "https://evil.example/"},
    )
    assert response["Location"] == reverse("civic_wagtail_discussion_queue")


@override_settings(CIVIC_WAGTAIL_DISCUSSION_AUTO_HIDE_FLAGS=2)
def test_reported_threads_reach_the_queue_and_hide_after_n(client, thread, moderator):
    from civic_wagtail.discussion.models import ThreadReport

    url = f"/discussion/threads/{thread.pk}/report/"
    client.force_login(member(username="r1"))
    assert client.post(url).status_code == 302
    assert client.post(url).status_code == 302  # a second report by the same member is one
    assert ThreadReport.objects.count() == 1
    client.force_login(moderator)
    queue = client.get(QUEUE + "?tab=threads").content.decode()
    assert thread.title in queue and "1 report" in queue
    # Keeping it dismisses the report; it leaves the queue.
    client.post(
        reverse("civic_wagtail_discussion_moderate_thread", args=[thread.pk]),
        {"action": "approve", "reason": "on topic"},
    )
    assert f'id="item-{thread.pk}"' not in client.get(QUEUE + "?tab=threads").content.decode()
    for name in ("r2", "r3"):
        client.force_login(member(username=name))
        client.post(url)
    thread.refresh_from_db()
    assert thread.status == Thread.Status.HIDDEN
    assert ModelLogEntry.objects.filter(action="civic_wagtail_discussion.auto_hide").exists()


def test_authors_cannot_report_their_own_thread(client, thread, verified_member):
    client.force_login(verified_member)
    assert client.post(f"/discussion/threads/{thread.pk}/report/").status_code == 403


def test_reporting_asks_for_a_reason_shown_in_the_queue(client, thread, reply, moderator):
    client.force_login(member(username="reporter"))
    url = f"/discussion/comments/{reply.pk}/flag/"
    form = client.get(url)
    assert form.status_code == 200
    html = form.content.decode()
    assert 'name="reason"' in html and 'name="details"' in html
    assert "Spam or advertising" in html
    # No reason, or "something else" without words: the form says what to change.
    response = client.post(url, {"reason": ""})
    assert response.status_code == 200
    assert "Choose why you are reporting" in response.content.decode()
    response = client.post(url, {"reason": "other", "details": " "})
    assert response.status_code == 200 and "Tell the moderators what" in response.content.decode()
    assert not CommentFlag.objects.exists()
    response = client.post(url, {"reason": "other", "details": "Posts my phone number"})
    assert response.status_code == 302
    client.force_login(member(username="reporter2"))
    client.post(url, {"reason": "abuse", "details": ""})
    client.force_login(moderator)
    queue = client.get(QUEUE).content.decode()
    assert "Something else: Posts my phone number" in queue
    assert "Harassment, abuse or hate" in queue
