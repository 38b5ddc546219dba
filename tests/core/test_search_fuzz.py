"""Whatever people type in a search box, the package's searches answer without a 5xx.

Runs on SQLite (FTS5) and, with ``DATABASE_URL``, on PostgreSQL (tsquery, NUL bytes).
"""

import pytest
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
    ("/hub/search/", "q"),
    ("/library/", "q"),
    ("/forum/search/", "q"),
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
