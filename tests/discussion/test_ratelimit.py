"""Rate limits per member and per address: a 429 page and nothing stored."""

import pytest
from django.test import override_settings
from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment

from civic_wagtail.discussion.models import Thread
from tests.factories import member

from .helpers import post_comment

pytestmark = pytest.mark.django_db

TWO_POSTS = {"post": {"member": (2, 600), "anonymous": None}, "flag": {"member": (1, 600)}}


@override_settings(CIVIC_WAGTAIL_RATE_LIMITS=TWO_POSTS)
def test_posting_too_fast_returns_429_and_stores_nothing(client, forum, thread, verified_member):
    client.force_login(verified_member)
    assert post_comment(client, thread, "one").status_code == 302
    assert post_comment(client, thread, "two").status_code == 302
    response = post_comment(client, thread, "three")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Nothing was saved" in response.content.decode()
    assert list(XtdComment.objects.values_list("comment", flat=True).order_by("pk")) == [
        "one",
        "two",
    ]
    # Starting threads shares the same budget.
    new = client.post(forum.url + "new/", {"title": "Another thread", "body": "b"})
    assert new.status_code == 429
    assert not Thread.objects.filter(title="Another thread").exists()
    # Another member is not affected.
    client.force_login(member(username="other"))
    assert post_comment(client, thread, "four").status_code == 302


@override_settings(CIVIC_WAGTAIL_RATE_LIMITS={"post": {"member": (1, 60), "anonymous": (1, 60)}})
def test_members_behind_one_address_each_have_their_own_budget(client, thread, verified_member):
    """One office network, one proxy: members are counted per account, never per address."""
    client.force_login(verified_member)
    assert post_comment(client, thread, "one").status_code == 302
    client.force_login(member(username="colleague"))
    assert post_comment(client, thread, "from the same office").status_code == 302
    assert XtdComment.objects.count() == 2


@override_settings(CIVIC_WAGTAIL_RATE_LIMITS=TWO_POSTS)
def test_reporting_too_fast_returns_429(client, thread, verified_member):
    client.force_login(verified_member)
    post_comment(client, thread, "a")
    post_comment(client, thread, "b")
    first, second = XtdComment.objects.order_by("pk")
    client.force_login(member(username="reporter"))
    reason = {"reason": "spam"}
    assert client.post(f"/discussion/comments/{first.pk}/flag/", reason).status_code == 302
    assert client.post(f"/discussion/comments/{second.pk}/flag/", reason).status_code == 429
    assert CommentFlag.objects.filter(flag=CommentFlag.SUGGEST_REMOVAL).count() == 1


def test_stock_post_and_flag_urls_are_not_mounted(client, thread, verified_member):
    """The only ways to post or report are ours, which count against the limits above."""
    from .helpers import comment_data

    client.force_login(verified_member)
    post_comment(client, thread, "a")
    first = XtdComment.objects.get()
    client.force_login(member(username="reporter"))
    assert client.post("/comments/post/", comment_data(thread, "b")).status_code == 404
    assert client.post(f"/comments/flag/{first.pk}/").status_code == 404
    assert XtdComment.objects.count() == 1
    assert not CommentFlag.objects.exists()
