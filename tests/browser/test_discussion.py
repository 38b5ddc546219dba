"""Forums in a real browser: a member replies and follows, a moderator hides the reply."""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment

from civic_wagtail.discussion.bulk import create_comments
from civic_wagtail.discussion.models import ForumIndexPage, ForumTopicPage, Thread
from tests.browser.axe import assert_accessible
from tests.factories import member


def log_in(page, live_server, user):
    """Give the browser the session of ``user`` (the log-in form is tested elsewhere)."""
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


@pytest.fixture
def forum_thread(home_page):
    import random

    index = home_page.add_child(instance=ForumIndexPage(title="Forums", slug="forum"))
    forum = index.add_child(instance=ForumTopicPage(title="Permits", slug="permits"))
    starter = member(username="sam")
    thread = Thread.objects.create(
        forum=forum,
        title="How do you handle permit backlogs?",
        body="Ideas **welcome**.",
        author=starter,
    )
    create_comments(thread, [starter], 3, random.Random(1), ["We triage weekly."])
    return index, forum, thread


@pytest.fixture
def moderator(db):
    user = member(username="mona")
    user.user_permissions.add(
        Permission.objects.get(codename="moderate_discussion"),
        Permission.objects.get(codename="access_admin"),
    )
    return user


def test_member_replies_and_follows_then_moderator_hides_it(
    page, live_server, forum_thread, verified_member, moderator
):
    index, forum, thread = forum_thread
    page.goto(live_server.url + "/forum/")
    assert page.locator("h1").inner_text() == "Forums"
    assert_accessible(page)
    page.get_by_role("link", name="Permits").click()
    assert page.locator("h1").inner_text() == "Permits"
    assert_accessible(page)

    log_in(page, live_server, verified_member)
    page.goto(live_server.url + thread.get_url())
    assert_accessible(page)
    page.get_by_role("link", name="Reply to Sam").first.click()
    assert "Replying to comment" in page.content()
    page.get_by_role("textbox", name="Your reply").fill("Have you tried a **shared queue**?")
    page.get_by_label("Email me when someone replies in this discussion").check()
    page.get_by_role("button", name="Post reply").click()
    page.wait_for_load_state()
    assert "Your comment is published" in page.content()
    assert page.locator("strong", has_text="shared queue").count() == 1
    assert_accessible(page)
    reply = XtdComment.objects.get(comment__contains="shared queue")
    assert reply.level == 1 and reply.followup and reply.user == verified_member

    CommentFlag.objects.create(
        comment=reply, user=member(username="rita"), flag=CommentFlag.SUGGEST_REMOVAL
    )
    log_in(page, live_server, moderator)
    page.goto(live_server.url + "/admin/discussion/moderation/")
    row = page.locator(f"#item-{reply.pk}")
    row.get_by_label("Reason (shown to the author)").fill("off-topic")
    row.get_by_role("button", name="Hide").click()
    page.wait_for_load_state()
    assert "Nothing waiting here" in page.content()
    reply.refresh_from_db()
    assert not reply.is_public

    page.context.clear_cookies()
    page.goto(live_server.url + thread.get_url())
    notice = page.locator(f"#c{reply.pk} .cw-status")
    assert notice.inner_text() == "Hidden by a moderator: off-topic"
    assert "shared queue" not in page.content()
