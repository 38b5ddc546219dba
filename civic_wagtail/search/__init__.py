"""One site search at ``/search/``, to which every installed app contributes its scopes.

A *scope* is one kind of result (practices, events, forum threads, mentors...): an object
that searches its own records and renders each result. Apps register theirs with a hook,
so the core never imports a feature app::

    from civic_wagtail.search import PageScope

    @hooks.register("civic_wagtail_search_scopes")
    def news_scopes():
        return [PageScope(NewsPage, order=50)]

Every query reaches a scope as plain words (:func:`civic_wagtail.search_terms.search_terms`),
so no scope ever sees the backend's syntax. See docs/reference/extension-points.md.
"""

from .scopes import PageScope, SearchScope, get_scopes

__all__ = ["PageScope", "SearchScope", "get_scopes"]
