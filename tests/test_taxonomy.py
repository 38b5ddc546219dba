import pytest
from django.db import IntegrityError, transaction
from wagtail.models import Locale
from wagtail.test.utils import WagtailTestUtils

from civic_wagtail.models import GovernmentLevel, Topic
from tests.factories import GovernmentLevelFactory, RegionFactory, TopicFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_translations_keep_the_slug():
    topic = TopicFactory(name="Permits", slug="permits")
    french = Locale.objects.create(language_code="fr")
    translation = topic.copy_for_translation(french)
    translation.name = "Permis"
    translation.save()
    assert translation.slug == "permits"
    assert translation.translation_key == topic.translation_key
    assert set(Topic.objects.filter(slug="permits").values_list("name", flat=True)) == {
        "Permits",
        "Permis",
    }


def test_slug_is_unique_per_locale():
    TopicFactory(slug="budget")
    with pytest.raises(IntegrityError), transaction.atomic():
        TopicFactory(slug="budget")


def test_for_locale_falls_back_to_the_default_locale():
    permits = TopicFactory(name="Permits", slug="permits")
    budget = TopicFactory(name="Budget", slug="budget")
    french = Locale.objects.create(language_code="fr")
    permis = permits.copy_for_translation(french)
    permis.name = "Permis"
    permis.save()
    assert set(Topic.objects.for_locale(french)) == {permis, budget}


def test_levels_are_ordered_from_the_citizen_up():
    national = GovernmentLevelFactory(name="National", sort_order=40)
    municipal = GovernmentLevelFactory(name="Municipal", sort_order=10)
    assert list(GovernmentLevel.objects.all()) == [municipal, national]


def test_regions_nest():
    europe = RegionFactory(name="Europe")
    france = RegionFactory(name="France", parent=europe)
    assert list(europe.subregions.all()) == [france]


class TestTaxonomyAdmin(WagtailTestUtils):
    def test_terms_are_managed_under_one_menu_group(self, client):
        client.force_login(UserFactory(is_superuser=True, is_staff=True))
        TopicFactory(name="Waste management")
        response = client.get("/admin/snippets/civic_wagtail/topic/")
        assert response.status_code == 200
        assert b"Waste management" in response.content
        menu = client.get("/admin/").content.decode()
        assert "Taxonomy" in menu

    def test_members_cannot_edit_terms(self, client):
        client.force_login(UserFactory(roles=["members"]))
        response = client.get("/admin/snippets/civic_wagtail/topic/")
        assert response.status_code == 302  # no admin access: sent to the admin login
