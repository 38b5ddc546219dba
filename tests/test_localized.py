"""Taxonomy and cross-links follow the page's locale, without a query per item (issue 14)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from civic_wagtail.bulk import bulk_add_children
from civic_wagtail.localized import localized, localized_objects
from civic_wagtail.models import Topic
from tests.events.helpers import bulk_events, make_index
from tests.factories import TopicFactory
from tests.library.helpers import library_index, new_practice, practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def french(home_page):
    return Locale.objects.get_or_create(language_code="fr")[0]


def translate_page(page, locale):
    """A published translation of ``page`` (its parents copied too), as wagtail-localize's
    "Translate" does before the editor fills the strings."""
    translation = page.copy_for_translation(locale, copy_parents=True)
    translation.save_revision().publish()
    return translation.specific_class.objects.get(pk=translation.pk)


def translate_term(term, locale, name):
    copy = term.copy_for_translation(locale)
    copy.name = name
    copy.save()
    return copy


def test_localized_swaps_translated_objects_and_keeps_the_others(french):
    housing, budget = TopicFactory(name="Housing"), TopicFactory(name="Budget")
    logement = translate_term(housing, french, "Logement")
    topics = Topic.objects.filter(pk__in=[housing.pk, budget.pk])
    assert set(localized(topics, french)) == {logement, budget}
    assert localized_objects([budget, housing], french) == [budget, logement]
    assert localized(topics, None) is topics


def test_a_french_practice_shows_french_terms_and_links_french_pages(client, home_page, french):
    housing = TopicFactory(name="Housing", slug="housing")
    translate_term(housing, french, "Logement")
    library = library_index(home_page)
    related = practice(library, "Housing First", slug="housing-first", topics=[housing])
    source = practice(library, "Modular homes", slug="modular", topics=[housing])
    source.related_practices.set([related])
    source.save_revision().publish()
    french_related = translate_page(related, french)
    french_related.title = "Logement d'abord"
    french_related.save_revision().publish()
    french_source = translate_page(source, french)

    html = client.get(french_source.url).content.decode()
    assert french_source.url.startswith("/fr/")
    assert "Logement" in html
    assert f'href="{french_related.url}"' in html and "Logement d&#x27;abord" in html
    english = client.get(source.url).content.decode()
    assert f'href="{related.url}"' in english and "Logement" not in english


def _french_library(home_page, french, count, topic, start=0, library=None):
    if library is None:
        library = translate_page(library_index(home_page), french)
    bulk_add_children(
        library,
        [
            new_practice(f"Pratique {i}", slug=f"pratique-{i}", topics=[topic], locale=french)
            for i in range(start, start + count)
        ],
    )
    return library


def test_the_french_library_index_shows_french_terms_in_constant_queries(
    client, home_page, french, django_assert_num_queries
):
    permits = TopicFactory(name="Permits", slug="permits")
    translate_term(permits, french, "Permis")
    library = _french_library(home_page, french, 5, permits)
    client.get(library.url)
    with CaptureQueriesContext(connection) as small:
        response = client.get(library.url)
    shown = [term.name for card in response.context["cards"] for term in card.topic_list]
    assert "Permis" in shown
    _french_library(home_page, french, 60, permits, start=5, library=library)
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(library.url)


def test_the_french_calendar_shows_french_topics_in_constant_queries(
    client, home_page, french, django_assert_num_queries
):
    permits = TopicFactory(name="Permits", slug="permits")
    translate_term(permits, french, "Permis")
    index = translate_page(make_index(home_page), french)
    day = (timezone.now() + timedelta(days=10)).date()
    bulk_events(index, 3, title="Atelier", topics=[permits], start_date=day, end_date=day)
    client.get(index.url)
    with CaptureQueriesContext(connection) as small:
        html = client.get(index.url).content.decode()
    assert "Permis" in html and "Permits" not in html.split("<main", 1)[1].split("<select")[0]
    bulk_events(index, 40, title="Grand", topics=[permits], start_date=day, end_date=day)
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(index.url)


def test_the_practices_api_filters_by_locale(client, home_page, french):
    library = library_index(home_page)
    source = practice(library, "Online permit tracker", slug="tracker")
    translate_page(source, french)
    english = client.get("/hub/api/v2/practices/", {"locale": "en"}).json()
    assert [item["meta"]["locale"] for item in english["items"]] == ["en"]
    response = client.get("/hub/api/v2/practices/", {"locale": "fr"}).json()
    assert [item["meta"]["locale"] for item in response["items"]] == ["fr"]
    assert client.get("/hub/api/v2/practices/", {"locale": "xx"}).status_code == 404
