"""Anonymous visitors get the thread page from the cache until its discussion changes."""

import re

import pytest
from django.test import Client, override_settings

from civic_wagtail.discussion.models import Thread
from tests.factories import member

from .helpers import post_comment

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def page_cache_on():
    with override_settings(CIVIC_WAGTAIL_PAGE_CACHE_SECONDS=600):
        yield


def test_a_new_comment_invalidates_the_cached_thread_page(
    client, thread, forum, verified_member, django_assert_max_num_queries
):
    other = Thread.objects.create(forum=forum, title="Other", body="-", author=verified_member)
    url, other_url = thread.get_url(), other.get_url()
    assert client.get(url)["X-Civic-Cache"] == "miss"
    assert client.get(other_url)["X-Civic-Cache"] == "miss"
    with django_assert_max_num_queries(0):
        cached = client.get(url)
    assert cached["X-Civic-Cache"] == "hit"
    assert b"We need ideas." in cached.content

    writer = Client()
    writer.force_login(member(username="rhea"))
    post_comment(writer, thread, "Triage by deadline works for us")

    fresh = client.get(url)
    assert fresh["X-Civic-Cache"] == "miss"
    assert b"Triage by deadline works for us" in fresh.content
    assert client.get(url)["X-Civic-Cache"] == "hit"
    # Exactly what changed: the other thread's page is still served from the cache.
    assert client.get(other_url)["X-Civic-Cache"] == "hit"


@override_settings(CIVIC_WAGTAIL_DISCUSSION_ALLOW_ANONYMOUS=True)  # the form is on the page
def test_each_visitor_gets_their_own_csrf_token_from_a_cached_page(thread):
    first, second = Client(), Client()
    first.get(thread.get_url())
    served = second.get(thread.get_url())
    assert served["X-Civic-Cache"] == "hit"
    tokens = TOKEN.findall(served.content.decode())
    assert tokens and "placeholder" not in tokens[0]
    # The token is this visitor's: a POST with it and their cookie passes the CSRF check.
    strict = Client(enforce_csrf_checks=True)
    strict.cookies = second.cookies
    response = strict.post("/i18n/setlang/", {"language": "fr", "csrfmiddlewaretoken": tokens[0]})
    assert response.status_code == 302
    response = strict.post("/i18n/setlang/", {"language": "fr", "csrfmiddlewaretoken": "x" * 64})
    assert response.status_code == 403


def test_signed_in_members_and_hidden_comments_are_not_served_from_the_cache(
    client, thread, moderator
):
    client.get(thread.get_url())
    client.force_login(moderator)
    assert "X-Civic-Cache" not in client.get(thread.get_url())
