"""Lineage: "adapted from" links and the "adopted in N places" counts."""

import pytest

from civic_wagtail.library.listing import adoption_counts
from civic_wagtail.library.models import BestPracticePage, adoption_count_expression
from tests.library.helpers import case_study, library_index, practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(home_page):
    return library_index(home_page)


def test_adoptions_count_cases_that_apply_or_adapt_a_practice_once(library):
    tracker = practice(library, "Tracker")
    applies = case_study(library, [tracker], place="Lyon")
    both = case_study(library, [tracker], adapted_from=tracker, place="Leeds")
    adapts = case_study(library, adapted_from=tracker, place="Austin")
    case_study(library, place="Unrelated")
    case_study(library, [tracker], place="Draft").unpublish()

    assert list(tracker.get_adoptions()) == [adapts, both, applies]  # ordered by place
    assert adoption_counts([tracker.pk]) == {tracker.pk: 3}
    annotated = BestPracticePage.objects.annotate(n=adoption_count_expression()).get(
        pk=tracker.pk
    )
    assert annotated.n == 3


def test_case_studies_chain_from_city_to_city(client, library):
    tracker = practice(library, "Tracker")
    lyon = case_study(library, [tracker], title="Lyon", place="Lyon")
    nantes = case_study(library, adapted_from=lyon, title="Nantes", place="Nantes")

    html = client.get(nantes.url).content.decode()
    assert f'<a href="{lyon.url}">Lyon</a>' in html  # follow the idea back
    lyon_html = client.get(lyon.url).content.decode()
    assert "Adapted in 1 other place" in lyon_html
    assert f'<a href="{nantes.url}">Nantes</a>' in lyon_html
    assert lyon.get_adoptions().get() == nantes


def test_adoption_links_hide_unpublished_origins(client, library):
    origin = practice(library, "Origin")
    copy = case_study(library, adapted_from=origin)
    origin.unpublish()
    assert "Adapted from" not in client.get(copy.url).content.decode()
