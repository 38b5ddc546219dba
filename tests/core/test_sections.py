"""A feature finds its own page on the current site, in the current language."""

import pytest
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Locale, Page, Site

from civic_wagtail.mentoring import notifications
from civic_wagtail.mentoring.pages import MentoringPage
from civic_wagtail.mentoring.panels import profile_panel_context
from civic_wagtail.sections import section_page
from tests.factories import member

pytestmark = pytest.mark.django_db


def add(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def world(home_page):
    """Site "other" (created first, so its pages have the lowest ids), then the default site
    with an English mentoring page and its French translation under the French home."""
    root = Page.get_first_root_node()
    other_home = add(root, Page(title="Other agency", slug="other-agency"))
    other_mentoring = add(
        other_home, MentoringPage(title="Other mentoring", slug="peer-mentoring")
    )
    # The default site's pages come after the other site's, so order_by("pk") is wrong.
    mentoring = add(home_page, MentoringPage(title="Mentoring", slug="mentoring"))
    other_site = Site.objects.create(
        hostname="other.example", port=80, root_page=other_home, site_name="Other"
    )
    french = Locale.objects.create(language_code="fr")
    home_page.copy_for_translation(french).save_revision().publish()
    mentorat = mentoring.copy_for_translation(french)
    mentorat.title = "Mentorat"
    mentorat.save_revision().publish()
    assert other_mentoring.pk < mentoring.pk
    return {
        "site": Site.objects.get(is_default_site=True),
        "other_site": other_site,
        "mentoring": mentoring,
        "mentorat": mentorat,
        "other_mentoring": other_mentoring,
    }


rf = RequestFactory()


def request_for(host="localhost", path="/"):
    return rf.get(path, HTTP_HOST=host)


def test_the_current_sites_page_not_the_first_one_created(world):
    assert section_page(request_for(), MentoringPage) == world["mentoring"]
    assert section_page(request_for("other.example"), MentoringPage) == world["other_mentoring"]
    assert section_page(world["other_site"], MentoringPage) == world["other_mentoring"]


def test_the_active_language_then_the_default_one(world):
    with translation.override("fr"):
        assert section_page(request_for(), MentoringPage) == world["mentorat"]
        # The other site has no French page: its English one.
        assert section_page(world["other_site"], MentoringPage) == world["other_mentoring"]
    assert section_page(request_for(), MentoringPage, locale="fr") == world["mentorat"]
    french = Locale.objects.get(language_code="fr")
    assert section_page(world["site"], MentoringPage, locale=french) == world["mentorat"]
    # A language without content falls back to the default locale.
    assert section_page(world["site"], MentoringPage, locale="es") == world["mentoring"]


def test_no_site_means_the_default_site(world):
    assert section_page(None, MentoringPage) == world["mentoring"]


def test_drafts_and_missing_sections_are_none(world):
    world["mentoring"].unpublish()
    world["mentorat"].unpublish()
    assert section_page(request_for(), MentoringPage) is None
    assert section_page(request_for("other.example"), MentoringPage) == world["other_mentoring"]


def test_cheap_and_cached_per_request(world, django_assert_max_num_queries):
    request = request_for()
    Site.find_for_request(request)  # Wagtail caches the site on the request
    with django_assert_max_num_queries(2):
        assert section_page(request, MentoringPage) == world["mentoring"]
    with django_assert_max_num_queries(0):
        for _ in range(5):
            assert section_page(request, MentoringPage) == world["mentoring"]


def test_the_profile_panel_links_to_the_sites_own_mentoring_page(world):
    user = member(username="mia")
    request = request_for("other.example")
    request.user = user
    context = profile_panel_context(request, user.civic_profile)
    assert context["base"] == "/peer-mentoring/"
    request = request_for()
    request.user = user
    assert profile_panel_context(request, user.civic_profile)["base"] == "/mentoring/"
    request = request_for()
    request.user = user
    with translation.override("fr"):
        context = profile_panel_context(request, user.civic_profile)
    assert context["base"] == world["mentorat"].get_url(request).rstrip("/") + "/"
    assert "/fr/" in context["base"]


def test_mentorship_emails_link_to_the_mentoring_page_in_the_active_language(world):
    class Mentorship:
        pk = 7

    with translation.override("fr"):
        url = notifications.mentorship_url(Mentorship())
    assert url.startswith(world["mentorat"].get_full_url().rstrip("/"))
    assert "/fr/" in url
    english = notifications.mentorship_url(Mentorship())
    assert english.startswith(world["mentoring"].get_full_url().rstrip("/"))
    assert "other.example" not in english
