"""Whatever people type in a search box, the package's searches answer without a 5xx.

Runs on SQLite (FTS5) and, with ``DATABASE_URL``, on PostgreSQL (tsquery, NUL bytes): CI runs
this module in both passes (no marker: it must hold on each database).
"""

import pytest
from django.test import Client
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

SYNTAX = st.sampled_from(
    ['"', "'", "*", "(", ")", "-", "+", "^", ":", ",", "NEAR", "AND", "OR", "NOT", "&", "|",
     "!", "<->", "\\", "\x00", "{", "}", "[", "]", "~", "%", " ", "permit", "é", "日本", "🙂",
     "\u200b", "\n"]
)

QUERIES = st.one_of(
    st.text(max_size=40),
    st.lists(SYNTAX, max_size=12).map("".join),
    st.text(min_size=1, max_size=3).map(lambda chunk: (chunk * 10_000)[:10_000]),
)

PUBLIC = [
    ("/search/", "q"),
    ("/library/", "q"),
    ("/hub/api/v2/practices/", "search"),
]
ADMIN = [
    ("/admin/documents/", "q"),
    ("/admin/snippets/civic_wagtail_library/indicator/", "q"),
]

FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.mark.parametrize(("url", "param"), PUBLIC)
@FUZZ
@given(query=QUERIES)
@example(query='"')
@example(query="'\"<script>")
@example(query="\x00")
@example(query="x" * 10_000)
def test_public_searches_never_fail(anonymous, hostile_site, url, param, query):
    status = anonymous.get(url, {param: query}).status_code
    assert status < 500, (url, query)


@pytest.mark.parametrize(("url", "param"), ADMIN)
@FUZZ
@given(query=QUERIES)
@example(query='permit"')
@example(query="\x00")
def test_admin_searches_never_fail(admin_client_500, hostile_site, url, param, query):
    status = admin_client_500.get(url, {param: query}).status_code
    assert status < 500, (url, query)


@pytest.fixture
def member_client(db):
    from tests.factories import member

    client = Client(raise_request_exception=False)
    client.force_login(member(username="fuzzer"))
    return client


@FUZZ
@given(query=QUERIES, kind=st.sampled_from(
    ["", "civic_wagtail_mentoring.mentorprofile", "civic_wagtail_discussion.thread", "x\x00"]))
@example(query='permit"', kind="civic_wagtail_mentoring.mentorprofile")
@example(query="'\"<script>", kind="")
def test_the_site_search_as_a_member_never_fails(member_client, hostile_site, query, kind):
    """Every scope, mentors included (members only), with the type and filters fuzzed too."""
    for params in ({"q": query, "type": kind}, {"q": "permit", "topic": query, "level": query}):
        status = member_client.get("/search/", params).status_code
        assert status < 500, (params,)
