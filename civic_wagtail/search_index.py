"""Wagtail's database search backend, without the full-index rescan on every save (PostgreSQL).

The default backend that :mod:`civic_wagtail.search_backend` wraps (it adds the plain-words
rule on top); it can also be configured on its own.

modelsearch's PostgreSQL index (``modelsearch.backends.database.postgres``, as shipped with
Wagtail 8) ends every ``add_items`` - each page save with ``AUTO_UPDATE`` on - with
``_refresh_title_norms()``: an ``AVG(length(title))`` over every index entry, then an
``UPDATE ... WHERE title_norm = 1.0`` that scans every entry to find the new ones. Both are
proportional to the size of the index, so publishing gets slower as the site grows and
indexing ``n`` pages one by one costs ``O(n²)`` (see docs/explanation/search-index.md and
``benchmarks/bench_search_index.py``).

This backend keeps the upstream ranking formula (``title_norm = average title length / title
length``) but sets it only on the rows just written, found by their unique key. The average is
computed exactly while the index is small (under :data:`EXACT_AVERAGE_BELOW` entries, where
that is cheap) and then taken from the cache, recomputed at most once per :data:`AVERAGE_TTL`
seconds.
``manage.py update_index`` still rewrites every norm with the exact average.

It also makes people's words match as they expect ("permit" finds "permits"):

- every term of a plain query matches as a prefix (partial words), on SQLite and PostgreSQL;
- on PostgreSQL terms and entries are stemmed with a text-search configuration chosen per
  language: ``SEARCH_CONFIGS`` maps a language code to a configuration (``{"en":
  "english", "fr": "french"}``); entries of a page in a locale are indexed with that
  locale's configuration, queries use the active language's, and everything else uses
  ``SEARCH_CONFIG`` (upstream's option, ``"simple"`` when not set);
- on PostgreSQL a plain query matches the title and body columns separately, each through
  its GIN index (upstream matches ``title || body``, which no index serves);
- SQLite's FTS5 has no stemmer in its default tokenizer: a term loses a plural or verb ending
  (:func:`stem`) before it is matched as a prefix, so "permits", "permitted" and "permit" all
  find "permit", "permits" and "permitting".

Use it in place of ``wagtail.search.backends.database`` (``civic_wagtail.search_backend``
does by default)::

    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "civic_wagtail.search_index"}}
"""

import copy
import functools
import re
from collections import defaultdict

from django.core.cache import cache
from django.db import connection
from django.db.models import Avg, Count, Q
from django.db.models.functions import Length
from django.utils import translation
from modelsearch.query import PlainText

#: Seconds the average title length of a large index is reused before it is computed again.
AVERAGE_TTL = 3600
#: Below this many entries the average is computed on every save (a small, cheap scan).
EXACT_AVERAGE_BELOW = 1000
CACHE_KEY = "civic_wagtail:search:average-title-length"


#: Endings taken off a term before it is matched as a prefix on SQLite (longest first).
ENDINGS = ("ies", "ing", "es", "ed", "s")
#: Shortest stem left by :func:`stem`.
MIN_STEM = 3
_KEEP = re.compile(r"(ss|us|is)$")


def stem(term):
    """``term`` without a common English plural or verb ending, for prefix matching on SQLite.

    Deliberately light: the stem is matched as a prefix, so it only needs to be a prefix of
    every form ("polic" finds "policy" and "policies"). PostgreSQL uses its real stemmers.
    """
    word = term.lower()
    if _KEEP.search(word):
        return word
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word


def SearchBackend(params):  # noqa: N802 - the name modelsearch's loader looks up
    """The PostgreSQL backend below on PostgreSQL, the SQLite one on SQLite, Wagtail's
    database backend elsewhere."""
    if connection.vendor == "postgresql":
        return _postgres_backend_class()(params)
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.utils import fts5_available

        if fts5_available():
            return _sqlite_backend_class()(params)
    from modelsearch.backends.database import SearchBackend as database_backend

    return database_backend(params)


@functools.cache
def _sqlite_backend_class():
    from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
    )

    class PrefixQueryCompiler(SQLiteSearchQueryCompiler):
        """Every term of a plain query is a prefix of its stem (``"permit"*``)."""

        def build_search_query_content(self, query, config=None):
            if not isinstance(query, PlainText):
                return super().build_search_query_content(query, config=config)
            terms = query.query_string.split()
            if not terms:
                return None
            lexemes = None
            for term in terms:
                lexeme = Lexeme(stem(term), prefix=True)
                if lexemes is None:
                    lexemes = lexeme
                elif query.operator.upper() == "AND":
                    lexemes &= lexeme
                else:
                    lexemes |= lexeme
            return SearchQueryExpression(lexemes, config=config)

    class PrefixSQLiteSearchBackend(SQLiteSearchBackend):
        query_compiler_class = PrefixQueryCompiler

    return PrefixSQLiteSearchBackend


def language_config(configs, default, language=None):
    """The text-search configuration of ``language`` (default: the active language)."""
    language = (language or translation.get_language() or "").lower()
    return configs.get(language) or configs.get(language.split("-")[0]) or default


@functools.cache
def _postgres_backend_class():
    # Imported late: the PostgreSQL module needs django.contrib.postgres and psycopg.
    from django.contrib.postgres.search import SearchQuery
    from modelsearch.backends.database.postgres.postgres import (
        PostgresIndex,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )
    from modelsearch.backends.database.postgres.query import Lexeme

    class IncrementalPostgresIndex(PostgresIndex):
        """Sets the title norm of the rows just added instead of rescanning the index, and
        indexes each object with the text-search configuration of its locale."""

        def add_items(self, model, objs):
            from django.contrib.contenttypes.models import ContentType

            by_config = defaultdict(list)
            languages = self.backend.locale_languages(objs)
            for obj in objs:
                language = languages.get(getattr(obj, "locale_id", None))
                config = (
                    self.backend.config_for_language(language)
                    if language
                    else self.backend.default_config
                )
                by_config[config].append(obj)
            backend = self.backend
            try:
                for config, group in by_config.items():
                    self.backend = copy.copy(backend)
                    self.backend.config = config
                    self._added = (
                        ContentType.objects.get_for_model(model).pk,
                        [str(obj.pk) for obj in group],
                    )
                    super().add_items(model, group)
            finally:
                self.backend = backend
                self._added = None

        def average_title_length(self):
            cached = cache.get(CACHE_KEY)
            if cached is not None and cached[1] >= EXACT_AVERAGE_BELOW:
                return cached[0]
            found = (
                self.entries.annotate(title_length=Length("title"))
                .filter(title_length__gt=0)
                .aggregate(average=Avg("title_length"), entries=Count("pk"))
            )
            cache.set(CACHE_KEY, (found["average"], found["entries"]), AVERAGE_TTL)
            return found["average"]

        def _refresh_title_norms(self, full=False):
            added = getattr(self, "_added", None)
            if full or added is None:
                cache.delete(CACHE_KEY)
                return super()._refresh_title_norms(full=full)
            content_type_pk, object_ids = added
            average = self.average_title_length()
            if average is None:  # the first entries: nothing to average yet
                cache.delete(CACHE_KEY)
                return super()._refresh_title_norms()
            (
                self.entries.filter(content_type_id=content_type_pk, object_id__in=object_ids)
                .annotate(title_length=Length("title"))
                .filter(title_length__gt=0)
                .update(title_norm=average / Length("title"))
            )

    class LanguageQueryCompiler(PostgresSearchQueryCompiler):
        """Every term is a prefix (``'permit':*``), stemmed by the active language's
        configuration."""

        def get_config(self, backend):
            return backend.config_for_language()

        def build_tsquery_content(self, query, config=None, invert=False):
            if not isinstance(query, PlainText):
                return super().build_tsquery_content(query, config=config, invert=invert)
            terms = query.query_string.split()
            if not terms:
                return None
            lexemes = None
            for term in terms:
                lexeme = Lexeme(term, invert=invert, prefix=True)
                if lexemes is None:
                    lexemes = lexeme
                elif query.operator == "and":
                    lexemes &= lexeme
                else:
                    lexemes |= lexeme
            return SearchQuery(lexemes, search_type="raw", config=config)

        def search(self, config, start, stop, score_field=None, backend=None):
            # Upstream matches ``title || body``, an expression no index serves: every entry
            # is read. Matching each column uses its GIN index; the ranking is unchanged.
            if self.fields is not None or not isinstance(self.query, PlainText):
                return super().search(config, start, stop, score_field, backend)
            search_query = self.build_tsquery(self.query, config=config)
            if search_query is None:
                return super().search(config, start, stop, score_field, backend)
            vectors = self.get_search_vectors(search_query)
            rank_expression = self._build_rank_expression(vectors, config)
            queryset = self.queryset.filter(
                Q(index_entries__title=search_query) | Q(index_entries__body=search_query)
            )
            return self._apply_ordering_and_scoring(
                queryset, rank_expression, start, stop, score_field
            )

    class IncrementalPostgresSearchBackend(PostgresSearchBackend):
        index_class = IncrementalPostgresIndex
        query_compiler_class = LanguageQueryCompiler

        def __init__(self, params):
            super().__init__(params)
            #: Language code -> PostgreSQL text-search configuration.
            self.configs = {
                code.lower(): name for code, name in (params.get("SEARCH_CONFIGS") or {}).items()
            }
            #: ``SEARCH_CONFIG``; None is the database's ``default_text_search_config``.
            self.default_config = self.config

        def config_for_language(self, language=None):
            if not self.configs:
                return self.default_config
            return language_config(self.configs, self.default_config, language)

        def locale_languages(self, objs):
            """Locale id -> language code for the translatable ``objs`` (one query at most)."""
            if not self.configs or not any(getattr(obj, "locale_id", None) for obj in objs):
                return {}
            from wagtail.models import Locale

            return dict(Locale.objects.values_list("pk", "language_code"))

    return IncrementalPostgresSearchBackend
