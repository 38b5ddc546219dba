""" "This helped me" under each reply of a thread: one per member per reply, counted, in one
query for a whole page of replies, rate limited, and fresh for anonymous visitors."""

import random

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory, TestCase
from django.test.utils import CaptureQueriesContext

from civic_wagtail.discussion.bulk import create_comments
from civic_wagtail.discussion.models import Thread
from civic_wagtail.recognition.comment_kudos import comment_kudos, comment_marks
from civic_wagtail.recognition.models import Kudos
from tests.discussion.helpers import make_forum
from tests.factories import TopicFactory, member

pytestmark = pytest.mark.django_db

TEXTS = ["A reply.", "Another view."]


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def users(db):
    return [member(username=f"m{i}") for i in range(4)]


@pytest.fixture
def thread(home_page, users):
    forum = make_forum(home_page, TopicFactory(name="Permits", slug="permits"))[1]
    return Thread.objects.create(forum=forum, title="Backlogs", body="Ideas?", author=users[0])


def _url(comment):
    return f"/recognition/kudos/django_comments_xtd.xtdcomment/{comment.pk}/"


def test_thread_page_shows_the_button_and_the_count(client, thread, users):
    reply, other = create_comments(thread, users[:1], 2, random.Random(1), TEXTS, max_level=0)
    client.force_login(users[1])
    page = thread.get_url()
    response = client.post(_url(reply), {"next": f"{page}#c{reply.pk}"})
    assert response["Location"] == f"{page}#c{reply.pk}"
    html = client.get(page).content.decode()
    mine = html.split(f'id="c{reply.pk}"')[1].split(f'id="c{other.pk}"')[0]
    assert 'aria-pressed="true"' in mine.split("This helped me")[0].rsplit("<button", 1)[1]
    assert '<span class="cw-kudos-count">(1)</span>' in mine
    client.force_login(users[0])  # the author sees the count, and no button on their own
    html = client.get(page).content.decode()
    assert "1 member said this helped them" in html and "This helped me" not in html
    client.logout()
    html = client.get(page).content.decode()
    assert "1 member said this helped them" in html and "This helped me" not in html


def test_one_per_member_per_reply(client, thread, users):
    (reply,) = create_comments(thread, users[:1], 1, random.Random(2), TEXTS)
    for giver in users[1:]:
        client.force_login(giver)
        client.post(_url(reply), HTTP_ACCEPT="application/json")
    client.force_login(users[1])
    assert client.post(_url(reply), HTTP_ACCEPT="application/json").json() == {
        "count": 2,
        "mine": False,
    }
    assert client.post(_url(reply), HTTP_ACCEPT="application/json").json()["count"] == 3
    assert Kudos.objects.filter(object_id=str(reply.pk)).count() == 3
    assert set(Kudos.objects.values_list("recipient", flat=True)) == {users[0].pk}


def test_rate_limited_through_the_core_service(client, thread, users, settings):
    settings.CIVIC_WAGTAIL_RATE_LIMITS = {"kudos": {"member": (2, 3600)}}
    replies = create_comments(thread, users[:1], 3, random.Random(3), TEXTS, max_level=0)
    client.force_login(users[1])
    assert client.post(_url(replies[0])).status_code == 302
    assert client.post(_url(replies[1])).status_code == 302
    refused = client.post(_url(replies[2]))
    assert refused.status_code == 429 and refused["Retry-After"]
    assert Kudos.objects.count() == 2


@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "member"])
def test_counts_of_a_page_of_replies_cost_one_query(thread, users, signed_in):
    from django.contrib.auth.models import AnonymousUser

    comments = create_comments(thread, users, 120, random.Random(4), TEXTS)
    comment_type = ContentType.objects.get_for_model(comments[0])
    Kudos.objects.bulk_create(
        Kudos(giver=giver, recipient=c.user, content_type=comment_type, object_id=str(c.pk))
        for c in comments
        for giver in users[:2]
        if c.user_id != giver.pk
    )
    request = RequestFactory().get(thread.get_url())
    request.user = users[1] if signed_in else AnonymousUser()

    def cost(shown):
        with CaptureQueriesContext(connection) as ctx:
            html = comment_kudos(request, shown)
        return len(ctx.captured_queries), html

    cost(comments[:1])  # content type cached
    small, few = cost(comments[:5])
    large, many = cost(comments)
    assert small == large == 1
    assert len(few) == 5 and len(many) == 120
    given = next(c for c in comments if c.user_id not in (users[0].pk, users[1].pk))
    if signed_in:
        # Rendered for every member alike (the shared comment list): neutral, with the
        # member's own marks filled in per request from comment_marks, in one query.
        assert f'data-cw-mark="kudos:{given.pk}" aria-pressed="false"' in many[given.pk]
        assert "(2)" in many[given.pk] and "<!--cw-swap:own:" in many[given.pk]
        ids = [c.pk for c in comments]
        with CaptureQueriesContext(connection) as ctx:
            marks = comment_marks(users[1], ids)
        assert len(ctx.captured_queries) == 1
        assert given.pk in marks["kudos"]
        assert marks["kudos"].keys() == {
            c.pk for c in comments if c.user_id != users[1].pk
        }
    else:
        assert "2 members said this helped them" in many[given.pk]


def test_thread_page_queries_stay_constant_with_kudos(client, thread, users):
    """The thread page with the recognition hook: still constant, one query more than the
    discussion alone (tests/discussion/test_queries.py pins the composition)."""
    small = Thread.objects.create(forum=thread.forum, title="Small", body="b", author=users[0])
    create_comments(small, users, 5, random.Random(5), TEXTS)
    big = create_comments(thread, users, 300, random.Random(6), TEXTS)
    comment_type = ContentType.objects.get_for_model(big[0])
    Kudos.objects.bulk_create(
        Kudos(giver=users[3], recipient=c.user, content_type=comment_type, object_id=str(c.pk))
        for c in big
    )
    client.force_login(users[1])
    client.get(small.get_url())

    def cost(url):
        with CaptureQueriesContext(connection) as ctx:
            html = client.get(url).content.decode()
        return len(ctx.captured_queries), html

    few, _ = cost(small.get_url())
    many, html = cost(thread.get_url())
    assert few == many
    assert html.count('class="cw-kudos-reply"') > 20


def test_anonymous_page_cache_is_refreshed_by_a_kudos(client, thread, users, settings):
    settings.CIVIC_WAGTAIL_PAGE_CACHE_SECONDS = 300
    assert "civic_wagtail.page_cache.AnonymousPageCacheMiddleware" in settings.MIDDLEWARE
    (reply,) = create_comments(thread, users[:1], 1, random.Random(7), TEXTS)
    from django.test import Client

    visitor = Client()
    visitor.get(thread.get_url())
    assert visitor.get(thread.get_url())["X-Civic-Cache"] == "hit"
    client.force_login(users[2])
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(_url(reply))
    response = visitor.get(thread.get_url())
    assert response["X-Civic-Cache"] == "miss"
    assert "1 member said this helped them" in response.content.decode()
