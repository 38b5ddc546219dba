"""Page events that invalidate cached anonymous pages (:mod:`civic_wagtail.page_cache`).

A publish, unpublish, move or delete bumps the page's own scope, its type (listings and pages
that show pages of that type) and, for pages at the top of the tree (sections: the
navigation), the navigation. Wagtail's frontend-cache app purges the page's URL
itself.
"""

from django.db import transaction

from . import page_cache


def scopes_of(page):
    """The page's own scope, its type's and, near the top of the tree, the navigation's.

    No query: listings declare the types they list, so a publish needs no parent lookup.
    """
    model = page.specific_class or type(page)
    scopes = [page_cache.page_scope(page.pk), page_cache.type_scope(model)]
    if page.depth <= 3:
        scopes.append(page_cache.NAV)
    return scopes


def page_changed(sender, instance, **kwargs):
    scopes = scopes_of(instance)
    transaction.on_commit(lambda: page_cache.bump(*scopes))


def page_moved(sender, instance, **kwargs):
    page_changed(sender, instance)


def connect():
    from django.db.models.signals import post_delete
    from wagtail.models import Page
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(page_changed, dispatch_uid="civic_wagtail.page_cache.published")
    page_unpublished.connect(page_changed, dispatch_uid="civic_wagtail.page_cache.unpublished")
    post_page_move.connect(page_moved, dispatch_uid="civic_wagtail.page_cache.moved")
    post_delete.connect(
        lambda sender, instance, **kw: page_changed(sender, instance)
        if isinstance(instance, Page)
        else None,
        weak=False,
        dispatch_uid="civic_wagtail.page_cache.deleted",
    )
