"""Comments posted or reported through another view than ours (django-contrib-comments' own)
meet the same policy: blocked members are refused, rate limits count, reports over the limit
are taken back. Posting the same form twice stores one comment."""

import pytest
from django.contrib.messages import get_messages
from django.test import override_settings
from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment
from freezegun import freeze_time

from civic_wagtail.discussion.models import PostingBlock
from tests.factories import member

from .helpers import comment_data, post_comment

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.urls("tests.discussion.other_view_urls"),
]

ONE_AT_A_TIME = {
    "post": {"member": (1, 600), "anonymous": (1, 600)},
    "flag": {"member": (1, 3600), "anonymous": (1, 3600)},
}


def stock_post(client, target, text):
    return client.post("/stock/post/", comment_data(target, text))


def test_a_blocked_member_is_refused_by_the_stock_view_too(client, thread, moderator):
    blocked = member(username="blocky")
    PostingBlock.objects.create(user=blocked, reason="spam", blocked_by=moderator)
    client.force_login(blocked)
    assert stock_post(client, thread, "Buy cheap permits").status_code == 400
    assert not XtdComment.objects.exists()


@override_settings(CIVIC_WAGTAIL_RATE_LIMITS=ONE_AT_A_TIME)
def test_the_stock_view_counts_posts_against_the_rate_limit(client, thread, verified_member):
    client.force_login(verified_member)
    first = stock_post(client, thread, "First thought")
    assert first.status_code == 302
    assert stock_post(client, thread, "Second thought").status_code == 400
    assert list(XtdComment.objects.values_list("comment", flat=True)) == ["First thought"]


@override_settings(CIVIC_WAGTAIL_RATE_LIMITS=ONE_AT_A_TIME)
def test_reports_through_the_stock_view_over_the_limit_are_taken_back(
    client, thread, verified_member
):
    client.force_login(verified_member)
    post_comment(client, thread, "One")
    client.force_login(member(username="rhea"))
    post_comment(client, thread, "Two")
    one, two = XtdComment.objects.order_by("pk")

    client.force_login(member(username="reporter"))
    for comment in (one, one, two):  # a second report of one, then one over the limit
        response = client.post(f"/stock/flag/{comment.pk}/", {"next": "/"})
        assert response.status_code == 302
    reports = CommentFlag.objects.filter(flag=CommentFlag.SUGGEST_REMOVAL)
    assert list(reports.values_list("comment_id", flat=True)) == [one.pk]


def test_posting_the_same_form_twice_stores_one_comment(client, thread, verified_member):
    client.force_login(verified_member)
    with freeze_time():  # a double click: both submissions in the same instant
        data = comment_data(thread, "Only once, please")
        client.post("/discussion/comments/post/", data)
        again = client.post("/discussion/comments/post/", data)
    assert again.status_code == 302
    assert [str(m) for m in get_messages(again.wsgi_request)][-1] == (
        "You already posted this comment."
    )
    assert XtdComment.objects.filter(comment="Only once, please").count() == 1
