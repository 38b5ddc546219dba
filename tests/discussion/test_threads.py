"""Starting threads and replying from the public site; who may post and whose posts wait."""

import pytest
from django.test import override_settings
from django_comments_xtd.models import XtdComment
from wagtail.models import ModelLogEntry

from civic_wagtail.discussion.models import Thread
from civic_wagtail.discussion.models.moderation import CommentModeration
from tests.factories import member

from .helpers import comment_data, post_comment

pytestmark = pytest.mark.django_db


def new_thread_url(forum):
    return forum.url + forum.reverse_subpage("new_thread")


def test_verified_member_starts_a_thread_and_replies(client, forum, verified_member):
    client.force_login(verified_member)
    assert client.get(new_thread_url(forum)).status_code == 200
    response = client.post(
        new_thread_url(forum), {"title": "Permit backlogs", "body": "How do you **cope**?"}
    )
    thread = Thread.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/forum/permits/{thread.pk}/"
    assert thread.status == Thread.Status.PUBLISHED
    assert thread.author == verified_member
    assert ModelLogEntry.objects.filter(action="civic_wagtail_discussion.create_thread").exists()

    response = post_comment(client, thread, "We triage *weekly*.", followup=True)
    assert response.status_code == 302
    comment = XtdComment.objects.get()
    assert response["Location"] == f"/#c{comment.pk}"
    assert comment.is_public and comment.user == verified_member and comment.followup
    assert comment.user_name == "Vera"  # the profile's display name, not the username

    reply = post_comment(client, thread, "Details please", reply_to=comment.pk)
    assert reply.status_code == 302
    child = XtdComment.objects.get(parent_id=comment.pk, level=1)
    assert child.thread_id == comment.pk

    thread.refresh_from_db()
    assert thread.reply_count == 2
    assert thread.last_poster == verified_member

    page = client.get(thread.get_url())
    html = page.content.decode()
    assert page.status_code == 200
    assert "<em>weekly</em>" in html and "<strong>cope</strong>" in html
    assert html.index("We triage") < html.index("Details please")

    listing = client.get(forum.url).content.decode()
    assert "Permit backlogs" in listing and ">2<" in listing


def test_thread_form_errors_keep_what_was_typed(client, forum, verified_member):
    client.force_login(verified_member)
    response = client.post(new_thread_url(forum), {"title": "Hi", "body": "Body I typed"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "at least 5 characters" in html and "Body I typed" in html
    assert not Thread.objects.exists()


@override_settings(CIVIC_WAGTAIL_DISCUSSION_UNVERIFIED_POSTS="hold")
def test_unverified_members_posts_are_held(client, forum, thread, pending_member):
    client.force_login(pending_member)
    client.post(new_thread_url(forum), {"title": "A new question", "body": "Body"})
    held_thread = Thread.objects.get(title="A new question")
    assert held_thread.status == Thread.Status.HELD
    assert "not yet verified" in held_thread.moderation_reason
    # Hidden from others, shown to its author with the reason.
    assert "A new question" not in client.get(forum.url).content.decode()
    assert "Awaiting moderation" in client.get(held_thread.get_url()).content.decode()

    response = post_comment(client, thread, "My held reply")
    assert response.status_code == 302
    comment = XtdComment.objects.get()
    assert not comment.is_public
    assert CommentModeration.objects.get(comment=comment).state == "held"


@override_settings(CIVIC_WAGTAIL_DISCUSSION_ALLOW_ANONYMOUS=True)
def test_visitors_cannot_have_replies_mailed_to_the_address_they_typed(client, thread):
    """An address a visitor types is unverified: it could be anyone's (comments-xtd #167)."""
    assert 'name="followup"' not in client.get(thread.get_url()).content.decode()
    post_comment(client, thread, "Visitor", name="Vi", email="victim@example.org", followup=True)
    assert XtdComment.objects.get().followup is False
    thread.refresh_from_db()
    assert thread.reply_count == 0
    client.logout()
    assert "My held reply" not in client.get(thread.get_url()).content.decode()


@override_settings(CIVIC_WAGTAIL_DISCUSSION_UNVERIFIED_POSTS="refuse")
def test_unverified_members_can_be_refused(client, thread, pending_member):
    client.force_login(pending_member)
    response = post_comment(client, thread, "Hello")
    assert response.status_code == 403
    assert "verified" in response.content.decode()
    assert not XtdComment.objects.exists()


def test_anonymous_posts_are_refused(client, forum, thread):
    response = post_comment(client, thread, "Anonymous hello", name="X", email="x@example.com")
    assert response.status_code == 403
    assert "Log in" in response.content.decode()
    assert not XtdComment.objects.exists()
    # The stock django-contrib-comments post URL is not mounted.
    stock = client.post(
        "/comments/post/", comment_data(thread, "Sneaky", name="X", email="x@x.org")
    )
    assert stock.status_code == 404
    assert not XtdComment.objects.exists()
    # Starting a thread sends visitors to the log-in page.
    response = client.get(new_thread_url(forum))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_pre_moderated_forum_holds_everything(client, forum, thread, verified_member):
    forum.pre_moderation = True
    forum.save_revision().publish()
    client.force_login(verified_member)
    post_comment(client, thread, "Checked first")
    assert not XtdComment.objects.get().is_public
    client.post(new_thread_url(forum), {"title": "Pre-moderated", "body": "Body"})
    assert Thread.objects.get(title="Pre-moderated").status == Thread.Status.HELD


def test_blocked_member_cannot_post(client, thread, verified_member, moderator):
    from civic_wagtail.discussion.models import PostingBlock

    PostingBlock.objects.create(
        user=verified_member, reason="repeated abuse", blocked_by=moderator
    )
    client.force_login(verified_member)
    response = post_comment(client, thread, "Let me in")
    assert response.status_code == 403
    assert "repeated abuse" in response.content.decode()
    assert not XtdComment.objects.exists()


@override_settings(CIVIC_WAGTAIL_DISCUSSION_MAX_LENGTH=50)
def test_length_limit_and_form_errors_keep_text(client, thread, verified_member):
    client.force_login(verified_member)
    text = "x" * 51
    response = post_comment(client, thread, text)
    assert response.status_code == 400
    assert text in response.content.decode()
    assert "at most 50 characters" in response.content.decode()
    assert not XtdComment.objects.exists()


def test_honeypot_and_security_hash_stay_on(client, thread, verified_member):
    client.force_login(verified_member)
    assert post_comment(client, thread, "Bot", honeypot="spam").status_code == 400
    data = comment_data(thread, "Tampered")
    data["security_hash"] = "0" * 40
    assert client.post("/discussion/comments/post/", data).status_code == 400
    assert not XtdComment.objects.exists()


def test_bad_target_is_404_not_500(client, verified_member):
    client.force_login(verified_member)
    data = {"content_type": "nope.model", "object_pk": "1", "comment": "x"}
    assert client.post("/discussion/comments/post/", data).status_code == 404


def test_replies_stop_at_max_depth(client, thread, verified_member):
    client.force_login(verified_member)
    post_comment(client, thread, "level 0")
    for level in range(1, 4):
        parent = XtdComment.objects.get(level=level - 1)
        assert (
            post_comment(client, thread, f"level {level}", reply_to=parent.pk).status_code == 302
        )
    deepest = XtdComment.objects.get(level=3)
    response = post_comment(client, thread, "too deep", reply_to=deepest.pk)
    assert response.status_code == 400
    assert "cannot go deeper" in response.content.decode()


def test_accepted_answer_is_shown_first(client, thread, verified_member, moderator):
    client.force_login(verified_member)
    for text in ["First idea", "Second idea", "The best idea"]:
        post_comment(client, thread, text)
    best = XtdComment.objects.get(comment="The best idea")
    accept_url = f"/discussion/threads/{thread.pk}/accept/"

    other = member(username="otto")
    client.force_login(other)
    assert client.post(accept_url, {"comment": best.pk}).status_code == 403

    client.force_login(verified_member)  # the thread's author
    assert client.post(accept_url, {"comment": best.pk}).status_code == 302
    thread.refresh_from_db()
    assert thread.accepted_comment == best
    html = client.get(thread.get_url()).content.decode()
    assert html.index("The best idea") < html.index("First idea")
    assert "Accepted answer" in html

    client.force_login(moderator)
    assert client.post(accept_url, {"comment": "clear"}).status_code == 302
    thread.refresh_from_db()
    assert thread.accepted_comment is None
    assert client.post(accept_url, {"comment": "999999"}).status_code == 404


def test_search_finds_published_threads_only(
    index_updates, client, forum_index, forum, thread, pending_member
):
    Thread.objects.create(
        forum=forum,
        title="Secret backlog plan",
        body="held",
        author=pending_member,
        status=Thread.Status.HELD,
    )
    html = client.get(
        "/search/?q=backlogs&type=civic_wagtail_discussion.thread"
    ).content.decode()
    assert "How do you handle <mark>backlogs</mark>?" in html
    assert "Secret backlog plan" not in html


@override_settings(CIVIC_WAGTAIL_DISCUSSION_ALLOW_ANONYMOUS=True)
def test_anonymous_posting_when_allowed_is_held(client, thread):
    assert 'name="email"' in client.get(thread.get_url()).content.decode()
    response = post_comment(client, thread, "Visitor here", name="Vi", email="vi@example.org")
    assert response.status_code == 302
    comment = XtdComment.objects.get()
    assert not comment.is_public and comment.user is None
    assert CommentModeration.objects.get(comment=comment).state == "held"


def test_anonymous_visitors_see_a_log_in_link_not_a_form(client, thread):
    html = client.get(thread.get_url()).content.decode()
    assert "Log in to join the discussion" in html
    assert 'name="comment"' not in html


@override_settings(CIVIC_WAGTAIL_DISCUSSION_COMMENTABLE_PAGE_TYPES=["home.HomePage"])
def test_a_reply_cannot_hang_under_a_comment_of_another_discussion(
    client, forum, home_page, verified_member
):
    # A thread and a page with the same primary key: their comments share object_pk.
    thread = Thread.objects.create(
        pk=home_page.pk, forum=forum, title="Same key", body="b", author=verified_member
    )
    client.force_login(verified_member)
    post_comment(client, home_page, "On the page")
    on_page = XtdComment.objects.get()
    response = post_comment(client, thread, "Reply across", reply_to=on_page.pk)
    assert response.status_code == 400
    assert XtdComment.objects.count() == 1
