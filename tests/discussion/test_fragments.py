"""The comment list is rendered once, kept in the cache, and personalised per member."""

import re

import pytest
from django.db import connection
from django.test import Client, TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_comments_xtd.models import XtdComment

from civic_wagtail.discussion.fragments import personalise
from tests.factories import member

from .helpers import post_comment

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


@pytest.fixture
def page_cache_on():
    with override_settings(CIVIC_WAGTAIL_PAGE_CACHE_SECONDS=600):
        yield


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def like_button(html, comment):
    found = re.search(rf'data-cw-mark="like:{comment.pk}" aria-pressed="(\w+)"', html)
    return found[1]


def report_link(html, comment):
    return reverse("civic_wagtail_discussion:flag", args=[comment.pk]) in html


def comment_queries(queries):
    """The SELECTs of the comment list itself (its COUNT, top-level page and replies)."""
    return [q for q in queries if 'FROM "django_comments_xtd_xtdcomment"' in q["sql"]
            and not q["sql"].startswith("SELECT 1 AS")]  # fmt: skip


@pytest.fixture
def discussion(thread):
    anna, ben = member(username="anna"), member(username="ben")
    post_comment(signed_in(anna), thread, "Anna writes about permits")
    post_comment(signed_in(ben), thread, "Ben writes about triage")
    comments = {c.comment.split()[0]: c for c in XtdComment.objects.all()}
    return anna, ben, comments["Anna"], comments["Ben"]


def test_members_share_the_list_but_each_sees_their_own_likes_and_reports(thread, discussion):
    anna, ben, annas, bens = discussion
    a, b = signed_in(anna), signed_in(ben)
    with TestCase.captureOnCommitCallbacks(execute=True):
        a.post(reverse("civic_wagtail_discussion:like", args=[bens.pk]))

    first = a.get(thread.get_url()).content.decode()  # renders and stores the list
    with CaptureQueriesContext(connection) as queries:
        second = b.get(thread.get_url()).content.decode()  # the stored list
    assert comment_queries(queries.captured_queries) == []

    # Anna liked Ben's comment: pressed for her, not for Ben; the count is everyone's.
    assert like_button(first, bens) == "true" and like_button(second, bens) == "false"
    assert like_button(first, annas) == "false"
    assert "(1)" in second
    # Nobody is offered to report their own comment.
    assert report_link(first, bens) and not report_link(first, annas)
    assert report_link(second, annas) and not report_link(second, bens)
    assert "cw-swap" not in first + second and "placeholder" not in first + second

    # Ben reports Anna's comment: "Reported" for him only.
    b.post(
        reverse("civic_wagtail_discussion:flag", args=[annas.pk]),
        {"reason": "off_topic", "details": ""},
    )
    again = b.get(thread.get_url()).content.decode()
    assert not report_link(again, annas) and "Reported" in again
    assert report_link(a.get(thread.get_url()).content.decode(), bens)


def test_a_new_comment_invalidates_the_list_for_members_and_visitors(client, thread, discussion):
    anna, ben, *_ = discussion
    a = signed_in(anna)
    assert "Anna writes about" in a.get(thread.get_url()).content.decode()
    client.get(thread.get_url())
    post_comment(signed_in(ben), thread, "A brand new idea")
    for viewer in (a, client):
        response = viewer.get(thread.get_url())
        assert "A brand new idea" in response.content.decode()


def test_a_like_updates_the_count_visitors_see(client, thread, discussion):
    anna, _, _, bens = discussion
    assert "0 likes" in client.get(thread.get_url()).content.decode()
    with TestCase.captureOnCommitCallbacks(execute=True):
        signed_in(anna).post(reverse("civic_wagtail_discussion:like", args=[bens.pk]))
    assert "1 like<" in client.get(thread.get_url()).content.decode()


def test_a_member_with_a_held_comment_sees_it_and_nobody_else_does(thread, discussion):
    anna, ben, annas, _ = discussion
    XtdComment.objects.filter(pk=annas.pk).update(is_public=False)
    b = signed_in(ben)
    b.get(thread.get_url())  # the shared list, without it
    assert "Anna writes about" in signed_in(anna).get(thread.get_url()).content.decode()
    assert "Anna writes about" not in b.get(thread.get_url()).content.decode()


def test_the_thread_author_gets_the_accept_buttons_and_others_do_not(
    thread, discussion, verified_member
):
    anna, *_ = discussion
    signed_in(anna).get(thread.get_url())
    assert "Accept as answer" in signed_in(verified_member).get(thread.get_url()).content.decode()
    assert "Accept as answer" not in signed_in(anna).get(thread.get_url()).content.decode()


def test_marks_from_other_apps_through_the_hook(rf, discussion):
    from wagtail import hooks

    anna, _, annas, bens = discussion
    html = (
        f'<b data-cw-mark="helped:{annas.pk}" aria-pressed="false"></b>'
        f'<b data-cw-mark="helped:{bens.pk}" aria-pressed="false"></b>'
        f"<!--cw-swap:helped:{bens.pk}-->Mark<!--cw-or-->Marked<!--/cw-swap-->"
    )
    request = rf.get("/")
    request.user = anna
    with hooks.register_temporarily(
        "civic_wagtail_comment_marks", lambda user, ids: {"helped": {bens.pk: 1}}
    ):
        out = personalise(request, html, {annas.pk: anna.pk, bens.pk: None})
    assert out == (
        f'<b data-cw-mark="helped:{annas.pk}" aria-pressed="false"></b>'
        f'<b data-cw-mark="helped:{bens.pk}" aria-pressed="true"></b>Marked'
    )
