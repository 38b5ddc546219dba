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
``manage.py update_index`` still rewrites every norm with the exact average. On SQLite and
other databases it is Wagtail's database backend unchanged.

Use it in place of ``wagtail.search.backends.database`` (``civic_wagtail.search_backend``
does by default)::

    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "civic_wagtail.search_index"}}
"""

import functools

from django.core.cache import cache
from django.db import connection
from django.db.models import Avg, Count
from django.db.models.functions import Length
from modelsearch.backends.database import SearchBackend as database_backend

#: Seconds the average title length of a large index is reused before it is computed again.
AVERAGE_TTL = 3600
#: Below this many entries the average is computed on every save (a small, cheap scan).
EXACT_AVERAGE_BELOW = 1000
CACHE_KEY = "civic_wagtail:search:average-title-length"


def SearchBackend(params):  # noqa: N802 - the name modelsearch's loader looks up
    """The PostgreSQL backend below on PostgreSQL, Wagtail's database backend elsewhere."""
    if connection.vendor == "postgresql":
        return _postgres_backend_class()(params)
    return database_backend(params)


@functools.cache
def _postgres_backend_class():
    # Imported late: the PostgreSQL module needs django.contrib.postgres and psycopg.
    from modelsearch.backends.database.postgres.postgres import (
        PostgresIndex,
        PostgresSearchBackend,
    )

    class IncrementalPostgresIndex(PostgresIndex):
        """Sets the title norm of the rows just added instead of rescanning the index."""

        def add_items(self, model, objs):
            from django.contrib.contenttypes.models import ContentType

            self._added = (
                ContentType.objects.get_for_model(model).pk,
                [str(obj.pk) for obj in objs],
            )
            try:
                super().add_items(model, objs)
            finally:
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

    class IncrementalPostgresSearchBackend(PostgresSearchBackend):
        index_class = IncrementalPostgresIndex

    return IncrementalPostgresSearchBackend
