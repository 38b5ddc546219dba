"""The library's scopes of the site search: practices and case studies as cards, resources,
each its own type; the deprecated setting still picks the models."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test.utils import CaptureQueriesContext

from civic_wagtail.library.search import get_search_models, library_scopes
from tests.library.helpers import case_study, library_index, practice

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("index_updates")]

PRACTICES = "civic_wagtail_library.bestpracticepage"
CASES = "civic_wagtail_library.casestudypage"


@pytest.fixture
def library(home_page):
    index = library_index(home_page)
    tracker = practice(index, "Compost collection", summary="Food waste from kitchens.")
    case_study(index, [tracker], title="Compost in Lyon", place="Lyon")
    practice(index, "Permit tracker")
    return index


def test_practices_and_case_studies_are_counted_per_type(client, library):
    response = client.get("/search/", {"q": "compost"})
    assert response.status_code == 200
    facets = {facet["key"]: facet["count"] for facet in response.context["facets"]}
    assert facets[PRACTICES] == 1 and facets[CASES] == 1
    assert facets["civic_wagtail_library.resourcepage"] == 0
    assert response.content.decode().count('class="cw-card"') == 2


def test_a_type_narrows_the_results(client, library):
    response = client.get("/search/", {"q": "compost", "type": CASES})
    assert [page.title for page in response.context["results"]] == ["Compost in Lyon"]
    assert 'aria-current="page"' in response.content.decode()


def test_setting_replaces_the_models(settings):
    settings.CIVIC_WAGTAIL_LIBRARY_SEARCH_MODELS = ["civic_wagtail_library.CaseStudyPage"]
    assert [m.__name__ for m in get_search_models()] == ["CaseStudyPage"]
    assert [scope.key for scope in library_scopes()] == [CASES]
    settings.CIVIC_WAGTAIL_LIBRARY_SEARCH_MODELS = ["nope.Nothing"]
    with pytest.raises(ImproperlyConfigured):
        get_search_models()


def test_one_type_pages_in_a_fixed_number_of_queries(client, library):
    client.get("/search/", {"q": "compost", "type": PRACTICES})
    with CaptureQueriesContext(connection) as small:
        client.get("/search/", {"q": "compost", "type": PRACTICES})
    for i in range(30):
        practice(library, f"Compost variant {i}")
    with CaptureQueriesContext(connection) as large:
        response = client.get("/search/", {"q": "compost", "type": PRACTICES})
    assert len(large) == len(small)
    page_obj = response.context["page_obj"]
    assert page_obj.paginator.count == 31
    titles = [page.title for page in response.context["results"]]
    assert len(titles) == 20 and all(title.startswith("Compost") for title in titles)
    second = client.get("/search/", {"q": "compost", "type": PRACTICES, "page": 2})
    assert {page.title for page in second.context["results"]}.isdisjoint(titles)
    assert len(second.context["results"]) == 11
