"""The library index: filters, sorting, search, pagination, errors and query counts."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from civic_wagtail.bulk import bulk_add_children
from tests.factories import RegionFactory, TopicFactory
from tests.library.helpers import (
    IndicatorFactory,
    case_study,
    library_index,
    new_case_study,
    new_practice,
    practice,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(home_page):
    return library_index(home_page)


def titles(response):
    return [card.title for card in response.context["cards"]]


def test_filters_by_topic_type_evidence_and_indicator(client, library):
    permits, waste = TopicFactory(slug="permits"), TopicFactory(slug="waste")
    days = IndicatorFactory(slug="permit-days")
    tracker = practice(library, "Tracker", topics=[permits], evidence_strength="evaluated")
    practice(library, "Compost", topics=[waste], evidence_strength="anecdotal")
    case_study(library, [tracker], [(days, 10, 5)], topics=[permits], title="Lyon tracker")

    assert set(titles(client.get(library.url, {"topic": "permits"}))) == {
        "Tracker",
        "Lyon tracker",
    }
    assert titles(client.get(library.url, {"topic": "permits", "type": "practice"})) == [
        "Tracker"
    ]
    assert titles(client.get(library.url, {"evidence": "evaluated"})) == ["Tracker"]
    assert titles(client.get(library.url, {"indicator": "permit-days"})) == ["Lyon tracker"]
    assert titles(client.get(library.url, {"topic": "waste", "type": "case-study"})) == []


def test_filters_combine_with_region(client, library):
    north = RegionFactory(slug="north")
    page = practice(library, "Northern")
    page.regions.set([north])
    page.save()
    practice(library, "Elsewhere")
    assert titles(client.get(library.url, {"region": "north"})) == ["Northern"]


@pytest.mark.parametrize(
    "params",
    [{"topic": "no-such-topic"}, {"type": "event"}, {"sort": "random"}, {"evidence": "x"}],
)
def test_invalid_filter_values_give_400_with_a_message(client, library, params):
    response = client.get(library.url, params)
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()


def test_sort_by_most_adopted(client, library):
    popular, quiet = practice(library, "Popular"), practice(library, "Quiet")
    for _ in range(3):
        case_study(library, [popular])
    case_study(library, adapted_from=quiet)
    response = client.get(library.url, {"type": "practice", "sort": "adopted"})
    assert titles(response) == ["Popular", "Quiet"]
    assert [card.adoption_total for card in response.context["cards"]] == [3, 1]


def test_full_text_search(client, library, index_updates):
    practice(library, "Compost collection", summary="Food waste from every kitchen.")
    practice(library, "Permit tracker")
    assert titles(client.get(library.url, {"q": "kitchen"})) == ["Compost collection"]
    assert titles(client.get(library.url, {"q": "kitchen", "sort": "adopted"})) == [
        "Compost collection"
    ]


@override_settings(CIVIC_WAGTAIL_PAGE_SIZE=2)
def test_pagination_keeps_filters_in_links(client, library):
    permits = TopicFactory(slug="permits")
    for i in range(5):
        practice(library, f"Practice {i}", topics=[permits])
    response = client.get(library.url, {"topic": "permits", "page": 2})
    html = response.content.decode()
    assert response.context["page_obj"].number == 2
    assert "?topic=permits&amp;page=3" in html
    assert client.get(library.url, {"page": "abc"}).status_code == 200


def test_drafts_and_private_pages_are_not_listed(client, library):
    from wagtail.models import PageViewRestriction

    practice(library, "Public")
    practice(library, "Draft").unpublish()
    private = practice(library, "Private")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert titles(client.get(library.url)) == ["Public"]


def populate(library, count, topic, indicator, start=0):
    """``count`` practices, a case study for every third, through the package's bulk builder."""
    practices = bulk_add_children(
        library,
        [
            new_practice(f"Practice {i}", topics=[topic], outcomes=[(indicator, 10, 8)])
            for i in range(start, start + count)
        ],
    )
    bulk_add_children(
        library,
        [
            new_case_study([page], topics=[topic], title=f"Case {page.pk}", slug=f"c{page.pk}")
            for page in practices[::3]
        ],
    )


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"topic": "permits", "sort": "adopted"},
        {"sort": "reviewed", "type": "practice"},
    ],
)
def test_index_query_count_is_the_same_for_10_and_500_practices(
    client, library, params, django_assert_num_queries
):
    permits = TopicFactory(slug="permits")
    indicator = IndicatorFactory()
    populate(library, 10, permits, indicator)
    client.get(library.url, params)
    with CaptureQueriesContext(connection) as small:
        client.get(library.url, params)
    populate(library, 490, permits, indicator, start=10)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(library.url, params)
    assert response.context["page_obj"].paginator.count >= 20
    assert len(small.captured_queries) == INDEX_QUERIES


#: Site and page routing (9), the locale and four vocabularies and the indicators for the
#: filter form (11), a count, the page of results, per page type the specific rows with
#: their topics and regions (6), the adoption counts, and the view-restriction lookups of
#: ``.public()``. Sorting by adoption or review date adds no query (they are subqueries).
INDEX_QUERIES = 32
