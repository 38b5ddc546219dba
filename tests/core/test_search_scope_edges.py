"""Scopes another app registers: the base class's defaults, page types through the old hook,
registrations made twice, and the locale searched when the language has no content."""

import pytest
from django.db.models import F
from django.test import RequestFactory
from django.utils import translation
from wagtail import hooks
from wagtail.models import Locale

from civic_wagtail.library.models import BestPracticePage
from civic_wagtail.models import Topic
from civic_wagtail.search import PageScope, SearchScope
from civic_wagtail.search.scopes import current_locale, public_pages
from tests.factories import TopicFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("index_updates")]


class GlossaryScope(SearchScope):
    """The least a scope defines: a key, a label and its matches (titled records)."""

    key = "glossary"
    label = "glossary terms"

    def search(self, request, terms, filters):
        return Topic.objects.filter(name__icontains=terms).annotate(title=F("name"))


def scopes():
    home_pages = PageScope(
        _home_page_model(), key="homes", label="home pages", order=5,
        template="civic_wagtail/search/result.html",
    )
    return [GlossaryScope(), home_pages, GlossaryScope()]  # the second glossary is dropped


def page_models():
    # Not a page (ignored); a type that already has its scope (kept once); a new one.
    return [Topic, BestPracticePage, _home_page_model()]


def _home_page_model():
    from home.models import HomePage

    return HomePage


@pytest.fixture
def registered():
    with hooks.register_temporarily(
        [("civic_wagtail_search_scopes", scopes), ("civic_wagtail_search_models", page_models)]
    ):
        yield


def facets(response):
    return [(facet["key"], facet["count"]) for facet in response.context["facets"]]


def test_registered_scopes_take_part_in_the_search_once_each(client, home_page, registered):
    TopicFactory(name="Civic budgets", slug="civic-budgets")
    response = client.get("/search/", {"q": "Civic"})
    assert response.status_code == 200
    found = dict(facets(response))
    keys = [key for key, _count in facets(response)]
    assert keys.count("glossary") == 1
    assert keys.count("civic_wagtail_library.bestpracticepage") == 1
    assert "civic_wagtail.topic" not in keys
    assert found["glossary"] == 1 and found["homes"] == 1 and found["home.homepage"] == 1
    html = response.content.decode()
    assert "Civic budgets" in html and "Civic Exchange" in html
    assert keys.index("homes") < keys.index("glossary")  # ordered by ``order``


def test_nothing_found_asks_every_scope_for_words_people_may_have_meant(
    client, home_page, registered
):
    response = client.get("/search/", {"q": "Civik", "type": "glossary"})
    assert response.status_code == 200
    assert response.context["total"] == 0
    assert response.context["suggestion"] == "civic"  # from the home page's title


def test_a_language_without_content_searches_the_default_locale(home_page):
    request = RequestFactory().get("/search/")
    with translation.override("es"):
        assert not Locale.objects.filter(language_code="es").exists()
        assert current_locale(request) == Locale.get_default()
    assert current_locale(None) == Locale.get_default()
    assert list(public_pages(_home_page_model(), None)) == [home_page]
