"""Site-wide search: results across page types, facets, extension by hook or setting."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from wagtail import hooks

from civic_wagtail.library.search import get_search_models
from tests.library.helpers import case_study, library_index, practice

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("index_updates")]


@pytest.fixture
def library(home_page):
    index = library_index(home_page)
    tracker = practice(index, "Compost collection", summary="Food waste from kitchens.")
    case_study(index, [tracker], title="Compost in Lyon", place="Lyon")
    practice(index, "Permit tracker")
    return index


def test_search_finds_practices_and_case_studies_with_facets(client, library):
    response = client.get("/hub/search/", {"q": "compost"})
    assert response.status_code == 200
    assert {page.title for page in response.context["results"]} == {
        "Compost collection",
        "Compost in Lyon",
    }
    facets = {facet["key"]: facet["count"] for facet in response.context["facets"]}
    assert facets == {
        "civic_wagtail_library.bestpracticepage": 1,
        "civic_wagtail_library.casestudypage": 1,
        "civic_wagtail_library.resourcepage": 0,
    }


def test_facet_narrows_the_results(client, library):
    response = client.get(
        "/hub/search/", {"q": "compost", "type": "civic_wagtail_library.casestudypage"}
    )
    assert [page.title for page in response.context["results"]] == ["Compost in Lyon"]
    assert 'aria-current="page"' in response.content.decode()


def test_unknown_type_is_a_400(client, library):
    response = client.get("/hub/search/", {"q": "compost", "type": "auth.user"})
    assert response.status_code == 400
    assert "There is no content type" in response.content.decode()


def test_empty_query_shows_the_form(client, library):
    response = client.get("/hub/search/")
    assert response.status_code == 200 and response.context["results"] == []


def test_other_apps_add_page_types_with_a_hook():
    from home.models import HomePage

    with hooks.register_temporarily("civic_wagtail_search_models", lambda: [HomePage]):
        assert HomePage in get_search_models()


def test_setting_replaces_the_models(settings):
    settings.CIVIC_WAGTAIL_LIBRARY_SEARCH_MODELS = ["civic_wagtail_library.CaseStudyPage"]
    assert [m.__name__ for m in get_search_models()] == ["CaseStudyPage"]
    settings.CIVIC_WAGTAIL_LIBRARY_SEARCH_MODELS = ["nope.Nothing"]
    with pytest.raises(ImproperlyConfigured):
        get_search_models()


def test_search_query_count_does_not_grow(client, library, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/hub/search/", {"q": "compost"})
    with CaptureQueriesContext(connection) as small:
        response = client.get("/hub/search/", {"q": "compost"})
    found = {page.title for page in response.context["results"]}
    assert found == {"Compost collection", "Compost in Lyon"}
    for i in range(30):
        practice(library, f"Compost variant {i}")
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get("/hub/search/", {"q": "compost"})
    # The 30 new practices are found: a full first page, the rest on the second, all counted.
    page_obj = response.context["page_obj"]
    assert page_obj.paginator.count == 32
    titles = [page.title for page in response.context["results"]]
    assert len(titles) == 20 and all(title.startswith("Compost") for title in titles)
    second = client.get("/hub/search/", {"q": "compost", "page": 2}).context["results"]
    assert len(second) == 12
    assert {page.title for page in second}.isdisjoint(titles)
    found = {page.title for page in second} | set(titles)
    assert found >= {f"Compost variant {i}" for i in range(30)}
