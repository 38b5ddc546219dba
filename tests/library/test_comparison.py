"""The outcome comparison on a practice page, against numbers computed by hand."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail import hooks

from civic_wagtail.bulk import bulk_add_children
from civic_wagtail.library.comparison import compare_outcomes
from tests.library.helpers import (
    IndicatorFactory,
    case_study,
    library_index,
    new_case_study,
    practice,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(home_page):
    return library_index(home_page)


def test_median_and_range_match_hand_computation(library):
    days = IndicatorFactory(name="Permit processing time", unit="days", direction="lower")
    share = IndicatorFactory(name="Applications online", unit="%", direction="higher")
    tracker = practice(library)
    other = practice(library, title="Something else")
    case_study(library, [tracker], [(days, 100, 50), (share, 10, 12)], place="Lyon")  # -50%, +20%
    case_study(library, [tracker], [(days, 40, 30)], place="Leeds")  # -25%
    case_study(library, [tracker], [(days, 20, 25)], place="Austin")  # +25%
    case_study(library, [tracker], [(days, None, 10)], place="Nantes")  # not comparable
    draft = case_study(library, [tracker], [(days, 10, 1)], place="Draft town")
    draft.unpublish()
    case_study(library, [other], [(days, 10, 1)], place="Elsewhere")

    groups = {group.indicator.name: group for group in compare_outcomes(tracker)}

    assert set(groups) == {"Permit processing time", "Applications online"}
    days_group = groups["Permit processing time"]
    assert days_group.case_count == 4
    assert days_group.comparable_count == 3
    assert days_group.median_change == Decimal("-0.25")
    assert days_group.min_change == Decimal("-0.5")
    assert days_group.max_change == Decimal("0.25")
    assert {o.page.place for o in days_group.outcomes} == {"Lyon", "Leeds", "Austin", "Nantes"}
    share_group = groups["Applications online"]
    assert (share_group.case_count, share_group.median_change) == (1, Decimal("0.2"))


def test_median_of_even_count_is_the_mean_of_the_middle_two(library):
    days = IndicatorFactory()
    tracker = practice(library)
    for baseline, actual in [(100, 90), (100, 80), (100, 70), (100, 40)]:
        case_study(library, [tracker], [(days, baseline, actual)])
    (group,) = compare_outcomes(tracker)
    assert group.median_change == Decimal("-0.25")  # (-0.2 + -0.3) / 2


def test_practice_page_shows_the_comparison(client, library):
    days = IndicatorFactory(name="Permit processing time")
    tracker = practice(library)
    case_study(library, [tracker], [(days, 100, 50)], place="Lyon")
    case_study(library, [tracker], [(days, 40, 30)], place="Leeds")
    case_study(library, [tracker], [(days, 20, 25)], place="Austin")

    html = client.get(tracker.url).content.decode()

    assert "3 cases" in html
    assert '<strong class="cw-median">−25.0%</strong>' in html
    assert '<span class="cw-range">−50.0% to +25.0%</span>' in html
    assert "Adopted in 3 places" in html


def add_cases(library, tracker, indicators, count, start=0):
    """``count`` case studies of ``tracker`` through the package's bulk builder."""
    bulk_add_children(
        library,
        [
            new_case_study(
                [tracker],
                [(indicators[i % len(indicators)], 10 + i, 5 + i)],
                n=i + 1,
                adapted_from=tracker if i % 2 else None,
            )
            for i in range(start, start + count)
        ],
    )


def test_practice_page_queries_do_not_grow_with_case_studies(
    client, library, django_assert_num_queries
):
    indicators = [IndicatorFactory() for _ in range(3)]
    tracker = practice(library, outcomes=[(indicators[0], 10, 8)])
    add_cases(library, tracker, indicators, 3)
    client.get(tracker.url)  # warm the site-root cache
    with CaptureQueriesContext(connection) as small:
        assert client.get(tracker.url).status_code == 200

    add_cases(library, tracker, indicators, 297, start=3)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(tracker.url)
    assert "300 cases" not in response.content.decode()  # split over three indicators
    assert "100 cases" in response.content.decode()


@pytest.fixture
def library_panels_only(monkeypatch):
    """Page panels of the library alone: the review record and the comments that other apps
    attach through ``civic_wagtail_page_panels`` are pinned by their own tests and once, all
    together, by tests/test_composition.py."""
    hooks.get_hooks(PAGE_PANELS)  # import every app's wagtail_hooks first
    own = [
        (fn, order)
        for fn, order in hooks._hooks.get(PAGE_PANELS, [])
        if fn.__module__.startswith("civic_wagtail.library")
    ]
    monkeypatch.setitem(hooks._hooks, PAGE_PANELS, own)


def test_practice_page_query_count_is_pinned(
    client, library, library_panels_only, django_assert_num_queries
):
    indicator = IndicatorFactory()
    tracker = practice(library)
    add_cases(library, tracker, [indicator], 3)
    client.get(tracker.url)
    with django_assert_num_queries(PRACTICE_PAGE_QUERIES):
        client.get(tracker.url)


PAGE_PANELS = "civic_wagtail_page_panels"

#: Site and page routing (9), the page's outcomes, the comparison (1), adoptions, resources,
#: related practices, the contributors credited, the four taxonomy lists, the parent for the
#: submit link, and one view-restriction lookup per ``.public()`` listing: the library's own
#: cost, without the panels other apps attach; plus one query for each app that reports
#: adoptions through ``civic_wagtail_practice_adoptions`` (the transparency app's projects with
#: their view restrictions, the improvement app's trackers), whatever the number of them.
PRACTICE_PAGE_QUERIES = 30
