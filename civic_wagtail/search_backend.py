"""A search backend that gives another backend plain words only.

Wagtail's admin (documents, pages, snippets, choosers) and any code of a site pass what
people type straight to the backend, where a lone ``"`` fails SQLite's FTS5. Configured as
the site's backend, this wraps the real one and runs every query through
:func:`civic_wagtail.search_terms.plain_query`::

    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "civic_wagtail.search_backend",
            "WRAPPED_BACKEND": "civic_wagtail.search_index",  # the default
        }
    }

The other options of the entry go to the wrapped backend, so OpenSearch keeps its ``URLS``
and ``INDEX``.
"""

from modelsearch.backends import import_backend

from .search_terms import plain_query

#: Wagtail's database backend without its per-save rescan of the whole index on PostgreSQL.
DEFAULT_WRAPPED_BACKEND = "civic_wagtail.search_index"


class PlainTermsMixin:
    """Clean the query of :meth:`search` and :meth:`autocomplete` before the backend's own."""

    def search(self, query, model_or_queryset, *args, **kwargs):
        return super().search(plain_query(query), model_or_queryset, *args, **kwargs)

    def autocomplete(self, query, model_or_queryset, *args, **kwargs):
        return super().autocomplete(plain_query(query), model_or_queryset, *args, **kwargs)


_classes = {}


def _plain_class(backend_class):
    if backend_class not in _classes:
        _classes[backend_class] = type(
            f"Plain{backend_class.__name__}", (PlainTermsMixin, backend_class), {}
        )
    return _classes[backend_class]


def SearchBackend(params):  # noqa: N802 (the name modelsearch looks up in a backend module)
    """The wrapped backend (``WRAPPED_BACKEND``), built with the other ``params``."""
    params = dict(params)
    wrapped = import_backend(params.pop("WRAPPED_BACKEND", DEFAULT_WRAPPED_BACKEND))
    backend = wrapped(params)
    # The database backend module picks its class per database vendor when called, so the
    # subclass is made from the instance it returns; isinstance() checks still hold.
    backend.__class__ = _plain_class(type(backend))
    return backend
