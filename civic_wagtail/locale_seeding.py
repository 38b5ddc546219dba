"""Translate the seeded demo into every content language through wagtail-localize.

Each installed app's ``demo`` module may define ``TRANSLATIONS``, a dict from language code to
a dict from English text to its translation::

    TRANSLATIONS = {
        "fr": {"Library": "Bibliothèque", ...},
        "es": {"Library": "Biblioteca", ...},
    }

:class:`LocaleSeeder` runs after every other seeder. It does what an editor does with
wagtail-localize's "Translate" action on each page and translatable snippet: it creates the
object's ``TranslationSource`` (its string segments), a ``Translation`` per target locale,
fills the string translations from the collected dicts and publishes the translated object
(``Translation.save_target``). Snippets go first (pages point at them), then pages in tree
order, so every translated page lands under its parent's translation: a synchronised tree.

A segment without an entry keeps the source text (wagtail-localize's fallback) and is
counted; the count is logged. Slugs are kept as they are: a translated page lives at the same
path under its language prefix (``/fr/library/``). No machine translation is involved.
"""

import time
from collections import defaultdict
from contextlib import contextmanager
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.test.utils import override_settings
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.search import index
from wagtail.signal_handlers import disable_reference_index_auto_update

from .seeding import Seeder

#: Objects per bulk statement of the search index.
INDEX_BATCH = 500
#: Segments without an entry listed in the log, per language (the rest are counted).
MISSING_LISTED = 40
#: Segments never looked up: a translated page keeps its source slug.
UNTRANSLATED_PATHS = {"slug"}


def collect_translations():
    """``{language code: {english: translation}}`` merged from every installed app's demo
    module (``TRANSLATIONS``), in app order; a later app's entry wins on a clash."""
    merged = defaultdict(dict)
    for config in apps.get_app_configs():
        module_name = f"{config.name}.demo"
        if find_spec(module_name) is None:
            continue
        for code, entries in getattr(import_module(module_name), "TRANSLATIONS", {}).items():
            merged[code].update(entries)
    return dict(merged)


def target_locales():
    """Every content language but the default one, created if missing."""
    default = Locale.get_default()
    codes = [code for code, _name in getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", [])]
    return [
        Locale.objects.get_or_create(language_code=code)[0]
        for code in codes
        if code != default.language_code
    ]


def translatable_snippet_models():
    from wagtail.snippets.models import get_snippet_models

    return [
        model
        for model in get_snippet_models()
        if issubclass(model, TranslatableMixin) and not model._meta.abstract
    ]


class Translator:
    """Fills and publishes translations from ``entries`` (``{code: {english: text}}``)."""

    def __init__(self, locales, entries):
        self.locales = locales
        self.entries = entries
        self.missing = defaultdict(set)
        self.translated = 0
        self.translated_keys = set()
        #: (model, source pk, target locale id) of every translation saved.
        self.done = []

    def lookup(self, code, data):
        """The translated string data for source string ``data``, or None."""
        from wagtail_localize.strings import StringValue

        table = self.entries.get(code, {})
        if data in table:
            return table[data]
        text = StringValue(data).render_text()
        if text in table:
            return StringValue.from_plaintext(table[text]).data
        return None

    def existing(self, model):
        """Remember which objects of ``model`` already have a translation, in one query."""
        self.translated_keys = set(
            model._default_manager.filter(locale__in=self.locales).values_list(
                "translation_key", "locale_id"
            )
        )

    def translate(self, instance):
        """Translate ``instance`` into each locale it has no translation in yet: a second run
        adds what is missing and leaves what exists (and what editors changed) alone."""
        from wagtail_localize.models import (
            StringSegment,
            StringTranslation,
            Translation,
            TranslationSource,
        )

        wanted = [
            locale
            for locale in self.locales
            if locale.pk != instance.locale_id
            and (instance.translation_key, locale.pk) not in self.translated_keys
        ]
        if not wanted:
            return
        source, created = TranslationSource.get_or_create_from_instance(instance)
        if not created:
            source.update_from_db()
        segments = list(
            StringSegment.objects.filter(source=source).select_related("string", "context")
        )
        for locale in wanted:
            translation, _ = Translation.objects.get_or_create(
                source=source, target_locale=locale, defaults={"enabled": True}
            )
            rows = []
            for segment in segments:
                if segment.context.path in UNTRANSLATED_PATHS:
                    continue
                text = self.lookup(locale.language_code, segment.string.data)
                if text is None:
                    self.missing[locale.language_code].add(segment.string.data)
                    continue
                rows.append(
                    StringTranslation(
                        translation_of=segment.string,
                        locale=locale,
                        context=segment.context,
                        data=text,
                        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                    )
                )
            StringTranslation.objects.bulk_create(
                rows,
                update_conflicts=True,
                unique_fields=["locale", "translation_of", "context"],
                update_fields=["data"],
            )
            translation.save_target(publish=getattr(instance, "live", True))
            self.translated += 1
            self.done.append((type(instance), instance.pk, locale.pk))


class LocaleSeeder(Seeder):
    """Translates every demo page and translatable snippet into the other content languages."""

    order = 1000
    name = "translations"

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-translations",
            action="store_true",
            help="Leave the demo in the default language only (faster; for tests that do "
            "not look at /fr/ or /es/).",
        )

    def seed(self, ctx):
        if ctx.options.get("no_translations"):
            return
        locales = target_locales()
        if not locales:
            return
        started = time.monotonic()
        translator = Translator(locales, collect_translations())
        default = Locale.get_default()
        with indexing_deferred(translator):
            for model in translatable_snippet_models():
                # Regions before their sub-regions: a parent's translation must exist first.
                order = ["parent_id", "pk"] if hasattr(model, "parent_id") else ["pk"]
                objects = model.objects.filter(locale=default).order_by(*_nulls_first(order))
                translator.existing(model)
                for instance in objects:
                    with transaction.atomic():
                        translator.translate(instance)
        home = ctx.shared.get("home")
        pages = Page.objects.filter(locale=default)
        if home is not None:
            pages = pages.filter(path__startswith=home.path)
        pages = pages.order_by("path")
        translator.existing(Page)
        with indexing_deferred(translator):
            for page in ctx.progress(pages.specific(), "translations", pages.count()):
                with transaction.atomic():
                    translator.translate(page)
        recount_children(locales)
        # Callbacks that run on commit (publishing's side effects) may save a translated parent
        # from an instance loaded earlier: count again once they have run.
        transaction.on_commit(lambda: recount_children(locales))
        missing = sum(len(strings) for strings in translator.missing.values())
        ctx.shared["translation_missing"] = {
            code: sorted(strings) for code, strings in translator.missing.items()
        }
        ctx.log(
            f"Translated {translator.translated} objects in {time.monotonic() - started:.1f} s "
            f"into {', '.join(locale.language_code for locale in locales)}; {missing} "
            "segment(s) had no entry in the demo's TRANSLATIONS and kept the source text."
        )
        for code, strings in sorted(translator.missing.items()):
            for text in sorted(strings)[:MISSING_LISTED]:
                ctx.log(f"  no {code} entry: {text[:200]!r}")


def recount_children(locales):
    """Make each translated page's ``numchild`` agree with its children, in one statement.

    A translated parent can be saved from an instance loaded before its children were
    translated under it, which writes back a stale count; treebeard then takes the page for
    a leaf and Wagtail serves no child of it (every ``/fr/<section>/`` a 404).
    """
    children = (
        Page.objects.filter(path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1)
        .order_by()
        .values("depth")
        .annotate(count=Count("pk"))
        .values("count")
    )
    Page.objects.filter(locale__in=locales).update(
        numchild=Coalesce(Subquery(children), 0)
    )


@contextmanager
def indexing_deferred(translator):
    """Translate without a search-index and reference-index update per saved object (each
    one a task), then index what was translated in bulk: most of the seeding time otherwise.
    """
    from modelsearch.backends import get_search_backends

    backends = list(get_search_backends(with_auto_update=True))
    paused = {
        name: {**backend, "AUTO_UPDATE": False}
        for name, backend in getattr(settings, "WAGTAILSEARCH_BACKENDS", {}).items()
    }
    start = len(translator.done)
    with override_settings(WAGTAILSEARCH_BACKENDS=paused), disable_reference_index_auto_update():
        yield
    by_model = defaultdict(list)
    for model, pk, locale_id in translator.done[start:]:
        by_model[model].append((pk, locale_id))
    for model, rows in by_model.items():
        if not issubclass(model, index.Indexed):
            continue
        translations = model._default_manager.filter(
            translation_key__in=model._default_manager.filter(
                pk__in=[pk for pk, _locale in rows]
            ).values("translation_key"),
            locale_id__in={locale_id for _pk, locale_id in rows},
        )
        if issubclass(model, Page):
            translations = translations.specific() if model is Page else translations
        objects = list(translations)
        for backend in backends:
            for start in range(0, len(objects), INDEX_BATCH):
                backend.add_bulk(model, objects[start : start + INDEX_BATCH])


def _nulls_first(fields):
    from django.db.models import F

    return [F(name).asc(nulls_first=True) if name == "parent_id" else name for name in fields]
