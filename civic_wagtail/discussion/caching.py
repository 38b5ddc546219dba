"""What a discussion change invalidates in the anonymous page cache.

See :mod:`civic_wagtail.page_cache`.

A comment posted, approved, hidden or removed changes the discussion of one target (a thread or
a page): its scope is bumped and its URL purged from the frontend caches, after the commit.
A thread's own changes (title, status, accepted answer) bump the thread's scope.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from civic_wagtail import page_cache


def comments_scope(target):
    """The scope of ``target``'s discussion (as the comment rows name it)."""
    return page_cache.comments_scope(ContentType.objects.get_for_model(target).pk, target.pk)


def thread_scope(thread_pk):
    return f"thread:{thread_pk}"


def _target_url(comment):
    from .notifications import target_full_url

    try:
        target = comment.content_object
        return target_full_url(target) if target is not None else None
    except Exception:  # a target that cannot be loaded (deleted): nothing to purge
        return None


def comment_changed(comment):
    """Invalidate the discussion ``comment`` belongs to, once the transaction commits."""
    scope = page_cache.comments_scope(comment.content_type_id, comment.object_pk)

    def invalidate():
        page_cache.bump(scope)
        if getattr(settings, "WAGTAILFRONTENDCACHE", None):  # the URL costs queries: only then
            page_cache.purge_urls([_target_url(comment)])

    transaction.on_commit(invalidate)


def thread_changed(thread_pk):
    transaction.on_commit(lambda: page_cache.bump(thread_scope(thread_pk)))
