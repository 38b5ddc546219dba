"""Translating the demo: strings without an entry keep their source text and are reported,
a later run adds a new language to what exists, and a single-language site is left alone."""

import random
from io import StringIO

import pytest
from django.core.management.base import OutputWrapper
from wagtail.models import Locale, Page

from civic_wagtail.improvement.models import Framework
from civic_wagtail.locale_seeding import LocaleSeeder, Translator
from civic_wagtail.seeding import SeedContext
from tests.library.helpers import library_index

pytestmark = pytest.mark.django_db


def context(**shared):
    out = StringIO()
    ctx = SeedContext({"no_progress": True}, OutputWrapper(out), random.Random(1), shared)
    return ctx, out


@pytest.fixture
def locales(home_page):
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code in ("fr", "es")
    }


def translation_of(page, locale):
    return Page.objects.get(translation_key=page.translation_key, locale=locale)


def test_strings_without_an_entry_keep_the_source_text_and_are_counted(home_page, locales):
    library = library_index(home_page)
    table = {"fr": {"Civic Exchange": "Échange civique", "Library": "Bibliothèque"}}
    translator = Translator([locales["fr"]], table)
    for page in (home_page, library):
        translator.translate(page)
    assert translation_of(home_page, locales["fr"]).title == "Échange civique"
    assert translation_of(library, locales["fr"]).title == "Bibliothèque"
    assert translator.translated == 2
    assert "Welcome." in translator.missing["fr"]  # the home page's intro had no entry
    assert translation_of(home_page, locales["fr"]).specific.intro == "Welcome."


def test_a_later_run_adds_a_language_and_leaves_existing_translations_alone(
    home_page, locales
):
    Translator([locales["fr"]], {"fr": {"Civic Exchange": "Échange civique"}}).translate(
        home_page
    )
    french = translation_of(home_page, locales["fr"]).specific
    french.title = "Échange civique (revu)"  # an editor's change
    french.save_revision().publish()

    later = Translator(list(locales.values()), {"es": {"Civic Exchange": "Intercambio cívico"}})
    later.existing(Page)
    later.translate(home_page)
    assert translation_of(home_page, locales["es"]).title == "Intercambio cívico"
    assert translation_of(home_page, locales["fr"]).title == "Échange civique (revu)"
    assert later.translated == 1


def test_a_site_in_one_language_gets_no_translations(home_page, settings):
    settings.WAGTAIL_CONTENT_LANGUAGES = [("en", "English")]
    ctx, out = context(home=home_page)
    LocaleSeeder().seed(ctx)
    assert not Page.objects.exclude(locale=home_page.locale).exists()
    assert out.getvalue() == ""


def test_the_log_lists_the_strings_that_had_no_entry(home_page, settings, monkeypatch):
    settings.WAGTAIL_CONTENT_LANGUAGES = [("en", "English"), ("fr", "French")]
    monkeypatch.setattr(
        "civic_wagtail.locale_seeding.collect_translations",
        lambda: {"fr": {"Civic Exchange": "Échange civique", "Maturity": "Maturité"}},
    )
    # A snippet that is not search-indexed is translated all the same.
    framework = Framework.objects.create(name="Maturity", description="", locale=home_page.locale)
    ctx, out = context(home=home_page)
    LocaleSeeder().seed(ctx)
    french = Locale.objects.get(language_code="fr")
    assert translation_of(home_page, french).title == "Échange civique"
    french_framework = Framework.objects.get(
        translation_key=framework.translation_key, locale=french
    )
    assert french_framework.name == "Maturité"
    log = out.getvalue()
    assert "no fr entry: 'Welcome.'" in log
    assert "Welcome." in ctx.shared["translation_missing"]["fr"]
