"""Query counts of the discussion's pages do not grow with the number of comments or threads."""

import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from civic_wagtail.discussion.bulk import create_comments
from civic_wagtail.discussion.models import Thread
from tests.factories import member

pytestmark = pytest.mark.django_db

TEXTS = ["A reply with **markdown**.", "Another view.", "> quoted\n\nagreed"]


def thread_with(forum, users, n):
    thread = Thread.objects.create(forum=forum, title=f"Thread of {n}", body="b", author=users[0])
    create_comments(thread, users, n, random.Random(n), TEXTS)
    return thread


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


@pytest.fixture
def users(db):
    return [member(username=f"m{i}") for i in range(5)]


#: Wagtail's routing and the demo's base template (site, locale, pages, view restrictions,
#: menu) plus ours: the thread, COUNT of top-level comments, one page of them, their replies.
#: A member adds the session, the user and the two permission lookups of ``has_perm``, the
#: members app's group-restriction hook (its view restrictions and the user's groups), and the
#: two of the shared comment list (civic_wagtail.discussion.fragments): whether the member has
#: a held or hidden comment here, and their own likes and reports on the comments shown. (With
#: the cache on, the COUNT, the page and the replies come from the cached list instead.)
#: The recognition app adds one query for everyone ("This helped me" counts of the comments
#: shown, rendered with the shared list) and one for a member (their own marks), see
#: tests/recognition/test_thread_kudos.py.
THREAD_PAGE_QUERIES = {False: 18, True: 27}


@pytest.mark.parametrize("as_member", [False, True], ids=["visitor", "member"])
def test_thread_page_queries_do_not_grow(
    client, forum, users, as_member, django_assert_num_queries
):
    small = thread_with(forum, users, 10)
    large = thread_with(forum, users, 1000)
    if as_member:
        client.force_login(users[1])
    client.get(small.get_url())  # warm caches (content types, site root paths)
    small_count, _ = count_queries(client, small.get_url())
    large_count, response = count_queries(client, large.get_url() + "?page=2")
    assert small_count == large_count
    assert large.reply_count == 1000
    assert response.content.decode().count('class="cw-comment') > 20
    with django_assert_num_queries(small_count):
        client.get(large.get_url())
    assert small_count == THREAD_PAGE_QUERIES[as_member]


def test_topic_listing_queries_do_not_grow(client, forum, users):
    for i in range(3):
        Thread.objects.create(forum=forum, title=f"Small {i}", body="b", author=users[i])
    client.get(forum.url)
    few, _ = count_queries(client, forum.url)
    for i in range(40):
        Thread.objects.create(
            forum=forum,
            title=f"More {i}",
            body="b",
            author=users[i % 5],
            last_poster=users[(i + 1) % 5],
        )
    many, response = count_queries(client, forum.url)
    assert few == many
    assert "Page 1 of 3" in response.content.decode()


def test_forum_index_queries_do_not_grow(client, forum_index, forum, users):
    client.get(forum_index.url)
    few, _ = count_queries(client, forum_index.url)
    for i in range(30):
        Thread.objects.create(forum=forum, title=f"T {i}", body="b", author=users[0])
    many, response = count_queries(client, forum_index.url)
    assert few == many
    assert "30 threads" in response.content.decode()


def test_page_comment_panel_queries_do_not_grow(home_page, users, settings):
    from django.template import Context, Template
    from django.test import RequestFactory

    settings.CIVIC_WAGTAIL_DISCUSSION_COMMENTABLE_PAGE_TYPES = ["home.HomePage"]
    template = Template("{% load civic_wagtail_tags %}{% civic_page_panels page %}")

    def render():
        request = RequestFactory().get("/")
        request.user = users[2]
        with CaptureQueriesContext(connection) as queries:
            html = template.render(Context({"page": home_page, "request": request}))
        return len(queries), html

    create_comments(home_page, users, 10, random.Random(3), TEXTS)
    render()
    few, _ = render()
    create_comments(home_page, users, 990, random.Random(4), TEXTS)
    many, html = render()
    # The site (for the page URL, RequestFactory has no cached one), COUNT, top-level, replies;
    # the member's permissions are cached on the user object after the first render. The
    # review app's record panel, rendered by the same tag, adds one query; the shared list
    # two (the member's held comments here, their likes and reports); recognition's "This
    # helped me" two (the counts, the member's own marks).
    assert few == many == 9
    assert 'id="comment-form"' in html
