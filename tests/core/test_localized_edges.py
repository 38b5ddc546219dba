"""Localised lookups by language code, with drafts, for pages, and with no locale."""

import pytest
from wagtail.models import Locale, Page

from civic_wagtail.library.models import BestPracticePage
from civic_wagtail.localized import localize_prefetched, localized, localized_objects
from civic_wagtail.models import Topic
from tests.factories import TopicFactory
from tests.library.helpers import library_index, practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def french(home_page):
    return Locale.objects.get_or_create(language_code="fr")[0]


@pytest.fixture
def library(home_page, french):
    """A practice with a published French translation, one with a French draft only."""
    index = library_index(home_page)
    published, drafted = practice(index, "Tool library"), practice(index, "Repair cafe")
    french_published = published.copy_for_translation(french, copy_parents=True)
    french_published.title = "Outilthèque"
    french_published.save_revision().publish()
    french_draft = drafted.copy_for_translation(french, copy_parents=True)
    french_draft.title = "Café réparation"
    french_draft.save()  # never published: not live
    return published, drafted, Page.objects.get(pk=french_published.pk), french_draft


def test_a_language_code_names_the_locale(french):
    housing = TopicFactory(name="Housing")
    logement = housing.copy_for_translation(french)
    logement.name = "Logement"
    logement.save()
    assert list(localized(Topic.objects.filter(pk=housing.pk), "fr")) == [logement]
    assert localized_objects([housing], "fr") == [logement]
    unknown = Topic.objects.filter(pk=housing.pk)
    assert localized(unknown, "xx") is unknown  # no such locale: unchanged


def test_drafts_replace_their_source_only_when_asked(library, french):
    published, drafted, french_published, french_draft = library
    pages = Page.objects.filter(pk__in=[published.pk, drafted.pk]).order_by("title")
    assert {page.pk for page in localized(pages, french)} == {french_published.pk, drafted.pk}
    with_drafts = localized(pages, french, live=False)
    assert {page.title for page in with_drafts} == {"Outilthèque", "Café réparation"}


def test_page_objects_take_only_published_translations(library, french):
    published, drafted, french_published, _draft = library
    swapped = localized_objects([published, drafted], french)
    assert [page.title for page in swapped] == ["Outilthèque", "Repair cafe"]


def test_prefetched_terms_stay_as_they_are_without_a_locale(home_page, french):
    housing = TopicFactory(name="Housing")
    logement = housing.copy_for_translation(french)
    logement.name = "Logement"
    logement.save()
    practice(library_index(home_page), "Tool library", topics=[housing])
    pages = list(BestPracticePage.objects.prefetch_related("topics"))
    localize_prefetched(pages, "topics", None)
    assert [list(page.topics.all()) for page in pages] == [[housing]]
    localize_prefetched(pages, "topics", "fr")
    assert [list(page.topics.all()) for page in pages] == [[logement]]
