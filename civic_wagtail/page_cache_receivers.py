"""Page events that invalidate cached anonymous pages (:mod:`civic_wagtail.page_cache`).

A publish, unpublish, move or delete bumps the page's own scope, its parent's listing, its
type (listings and pages that show pages of that type) and, for pages at the top of the tree
(sections: the navigation), the navigation. Wagtail's frontend-cache app purges the page's URL
itself.
"""

from django.db import transaction

from . import page_cache


def scopes_of(page):
    model = page.specific_class or type(page)
    scopes = [page_cache.page_scope(page.pk), page_cache.type_scope(model)]
    parent_path = page.path[: -page.steplen] if page.depth > 1 else ""
    if parent_path:
        from wagtail.models import Page

        parent = Page.objects.filter(path=parent_path).values_list("pk", flat=True).first()
        if parent:
            scopes.append(page_cache.children_scope(parent))
    if page.depth <= 3:
        scopes.append(page_cache.NAV)
    return scopes


def page_changed(sender, instance, **kwargs):
    scopes = scopes_of(instance)
    transaction.on_commit(lambda: page_cache.bump(*scopes))


def page_moved(sender, instance, **kwargs):
    page_changed(sender, instance)
    parent = kwargs.get("parent_page_before")
    if parent is not None:
        page_cache.bump(page_cache.children_scope(parent.pk))


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
