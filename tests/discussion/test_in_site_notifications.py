"""Replies notify on the site too, through the members app's notify(), as each member chose."""

import pytest
from django.core import mail
from django_comments_xtd.models import XtdComment

from civic_wagtail.members.models import Notification, NotificationPreference
from tests.factories import member

from .helpers import post_comment

pytestmark = pytest.mark.django_db


def test_a_reply_notifies_follower_and_author_landing_on_the_reply(client, thread,
                                                                   verified_member):
    follower = member(username="fay")
    NotificationPreference.objects.create(user=follower, kind="discussion.reply", channel="site")
    client.force_login(follower)
    post_comment(client, thread, "I follow this", followup=True)
    mail.outbox.clear()
    rhea = member(username="rhea")
    client.force_login(rhea)
    post_comment(client, thread, "Try triage")
    reply = XtdComment.objects.get(comment="Try triage")
    for user in (follower, verified_member):  # a follower, and the thread's author
        notification = Notification.objects.filter(recipient=user).first()  # the newest
        assert notification.url == f"{thread.get_url()}#c{reply.pk}"
        assert notification.actor == rhea and "Rhea replied in" in notification.verb
    # The follower chose "on the site only": only the author is emailed (of both comments).
    assert {tuple(m.to) for m in mail.outbox} == {(verified_member.email,)}
    client.force_login(follower)
    mine = Notification.objects.get(recipient=follower)
    response = client.get(f"/members/notifications/{mine.pk}/")
    assert response["Location"] == f"{thread.get_url()}#c{reply.pk}"
