"""civic_wagtail.search_index (wrapped by civic_wagtail.search_backend): publishing costs
the same whatever the size of the index."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models.functions import Length
from django.test.utils import CaptureQueriesContext
from modelsearch.backends import get_search_backend
from wagtail.search.models import IndexEntry

from civic_wagtail import search_index
from civic_wagtail.library.models import BestPracticePage
from tests.library.helpers import library_index, practice
from tests.utils import postgres_only

pytestmark = pytest.mark.django_db

BACKEND = {"default": {"BACKEND": "civic_wagtail.search_backend", "AUTO_UPDATE": True}}


@pytest.fixture
def library(home_page, index_updates, settings):
    settings.WAGTAILSEARCH_BACKENDS = BACKEND
    return library_index(home_page)


def entry(page):
    return (
        IndexEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(BestPracticePage),
            object_id=str(page.pk),
        )
        .annotate(title_length=Length("title"))
        .get()
    )


def test_other_databases_get_wagtails_database_backend(settings):
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "civic_wagtail.search_index"}}
    backend = get_search_backend("default")
    if connection.vendor == "postgresql":
        assert type(backend).__name__ == "IncrementalPostgresSearchBackend"
    else:
        # Wagtail's database backend for that database (on SQLite, with prefix matching).
        bases = [cls.__module__ for cls in type(backend).__mro__]
        assert any(module.startswith("modelsearch.backends.database") for module in bases)
    # The plain-terms backend wraps this one by default.
    settings.WAGTAILSEARCH_BACKENDS = BACKEND
    assert isinstance(get_search_backend("default"), type(backend))


@postgres_only
@pytest.mark.postgres
def test_publishing_sets_the_new_title_norm_without_rescanning_the_index(library, monkeypatch):
    # A "large" index from 5 entries on: the average is then cached, not recomputed.
    monkeypatch.setattr(search_index, "EXACT_AVERAGE_BELOW", 5)
    for i in range(5):
        practice(library, f"Practice {i} about permits for every small business")
    with CaptureQueriesContext(connection) as queries:
        page = practice(library, "Compost")
    statements = [q["sql"] for q in queries.captured_queries]
    # Wagtail's backend averages every entry and scans them all for title_norm = 1.0.
    assert not [sql for sql in statements if "AVG(" in sql]
    assert not [sql for sql in statements if '"title_norm" = 1.0' in sql]

    average, _entries = search_index.cache.get(search_index.CACHE_KEY)
    new = entry(page)
    assert new.title_norm == pytest.approx(average / new.title_length)
    assert new.title_norm > 1  # a short title ranks above the long ones
    assert list(BestPracticePage.objects.live().search("compost")) == [page]


@postgres_only
@pytest.mark.postgres
def test_a_small_index_uses_the_exact_average(library):
    pages = [practice(library, "Permits " + "tracker " * i) for i in range(1, 4)]
    lengths = [
        e.title_length
        for e in IndexEntry.objects.annotate(title_length=Length("title"))
        if e.title_length
    ]
    last = entry(pages[-1])
    assert last.title_norm == pytest.approx(sum(lengths) / len(lengths) / last.title_length)


@postgres_only
@pytest.mark.postgres
def test_update_index_still_rewrites_every_norm_with_the_exact_average(library):
    pages = [practice(library, "Permits " + "tracker " * i) for i in range(1, 4)]
    get_search_backend("default").get_index_for_model(BestPracticePage)._refresh_title_norms(
        full=True
    )
    lengths = [
        e.title_length
        for e in IndexEntry.objects.annotate(title_length=Length("title"))
        if e.title_length
    ]
    exact = sum(lengths) / len(lengths)
    for e in [entry(page) for page in pages]:
        assert e.title_norm == pytest.approx(exact / e.title_length)
