"""Follow-up emails beyond forum threads: discussions on pages and on other objects, repeated
followers, a site without the mute link, comments gone before the task runs, and a task queue
that cannot be reached."""

import logging
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site as DjangoSite
from django.core import mail
from django.test import override_settings
from django.utils import timezone
from django_comments_xtd.models import XtdComment

from civic_wagtail.discussion import actions, notifications
from tests.factories import TopicFactory, member

from .helpers import comment_data, post_comment

pytestmark = pytest.mark.django_db

PAGES_TAKE_COMMENTS = override_settings(
    CIVIC_WAGTAIL_DISCUSSION_COMMENTABLE_PAGE_TYPES=["home.HomePage"]
)


@PAGES_TAKE_COMMENTS
def test_followers_of_a_page_discussion_get_its_link_and_can_mute_it(
    client, home_page, verified_member
):
    client.force_login(verified_member)
    post_comment(client, home_page, "Following this page", followup=True)
    post_comment(client, home_page, "And saying it twice", followup=True)
    mail.outbox.clear()
    client.force_login(member(username="rhea"))
    post_comment(client, home_page, "A reply on the page")
    reply = XtdComment.objects.get(comment="A reply on the page")

    assert [m.to for m in mail.outbox] == [[verified_member.email]]  # once, not per comment
    body = mail.outbox[0].body
    assert f"{home_page.get_full_url()}#c{reply.pk}" in body
    mute = re.search(r"http://localhost(/comments/mute/\S+/)", body).group(1)
    client.logout()
    assert client.get(mute).status_code == 200
    assert not XtdComment.objects.filter(comment="Following this page", followup=True).exists()


@pytest.mark.urls("tests.discussion.no_mute_urls")
def test_without_the_mute_url_followers_are_still_told(client, thread, verified_member):
    client.force_login(verified_member)
    post_comment(client, thread, "I follow this", followup=True)
    mail.outbox.clear()
    client.force_login(member(username="rhea"))
    post_comment(client, thread, "A new reply")
    assert [m.to for m in mail.outbox] == [[verified_member.email]]
    assert "A new reply" in mail.outbox[0].body
    assert "/comments/mute/" not in mail.outbox[0].body


def test_a_comment_hidden_before_the_task_runs_tells_nobody(
    client, thread, verified_member, moderator, django_capture_on_commit_callbacks
):
    client.force_login(verified_member)
    post_comment(client, thread, "I follow this", followup=True)
    mail.outbox.clear()
    client.force_login(member(username="rhea"))
    with django_capture_on_commit_callbacks() as queued:  # posted; its task has not run yet
        client.post("/discussion/comments/post/", comment_data(thread, "Spam link"))
    spam = XtdComment.objects.get(comment="Spam link")
    actions.hide_comment(spam, moderator, "spam")
    for callback in queued:
        callback()
    assert mail.outbox == []


def test_queuing_one_comment_twice_queues_one_task_and_one_email(
    thread, verified_member, django_capture_on_commit_callbacks
):
    follower = XtdComment.objects.create(
        content_type=ContentType.objects.get_for_model(thread),
        object_pk=str(thread.pk),
        site=DjangoSite.objects.get_current(),
        user=verified_member,
        user_name="Vera",
        user_email=verified_member.email,
        comment="I follow this",
        followup=True,
        submit_date=timezone.now(),
    )
    reply = XtdComment.objects.create(
        content_type=follower.content_type,
        object_pk=follower.object_pk,
        site=follower.site,
        user_name="Rhea",
        user_email="rhea@city.example.gov",
        comment="A reply",
        submit_date=timezone.now(),
    )
    with django_capture_on_commit_callbacks() as queued:
        notifications.queue_notifications(reply)
        notifications.queue_notifications(reply)
    assert len(queued) == 1
    with django_capture_on_commit_callbacks(execute=True):
        queued[0]()  # the commit: the task runs (immediate backend) and queues the mail
    # The thread's author follows it by comment already: one follow-up email, no second one.
    assert [m.to for m in mail.outbox] == [[verified_member.email]]


def test_a_discussion_on_another_kind_of_object_links_to_the_site(
    home_page, verified_member, django_capture_on_commit_callbacks
):
    topic = TopicFactory(name="Transit", slug="transit")
    fields = {
        "content_type": ContentType.objects.get_for_model(topic),
        "object_pk": str(topic.pk),
        "site": DjangoSite.objects.get_current(),
        "submit_date": timezone.now(),
    }
    XtdComment.objects.create(
        **fields,
        user=verified_member,
        user_name="Vera",
        user_email=verified_member.email,
        comment="Following transit",
        followup=True,
    )
    reply = XtdComment.objects.create(
        **fields, user_name="Rhea", user_email="rhea@city.example.gov", comment="Buses!"
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert notifications.notify_discussion.call(reply.pk) == 1
    assert [m.to for m in mail.outbox] == [[verified_member.email]]
    assert f"http://localhost/#c{reply.pk}" in mail.outbox[0].body


def test_a_task_queue_that_cannot_be_reached_does_not_fail_the_post(
    client, thread, verified_member, monkeypatch, caplog
):
    def unreachable(task, *args):
        raise ConnectionError("the queue is down")

    monkeypatch.setattr(notifications.mail, "enqueue_with_retries", unreachable)
    client.force_login(member(username="rhea"))
    with caplog.at_level(logging.ERROR, logger=notifications.__name__):
        response = post_comment(client, thread, "Posted while the queue is down")
    assert response.status_code == 302
    assert XtdComment.objects.filter(comment="Posted while the queue is down").exists()
    assert mail.outbox == []
    assert "Could not queue notifications" in caplog.text
