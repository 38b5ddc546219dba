"""Download counting without a database write per download.

Each download increments a cache counter (``civic-library-dl:<page id>``). At most once per
``LIBRARY_DOWNLOAD_FLUSH_INTERVAL`` a request enqueues :func:`flush_download_counts` (a
django-tasks task, like Wagtail's own search indexing), which moves the buffered counts into
:class:`~civic_wagtail.library.models.DownloadTally` rows in one transaction. The
``flush_resource_downloads`` management command does the same from cron.
"""

from django.core.cache import caches
from django.db import transaction
from django.db.models import F
from django.http import Http404, HttpResponseRedirect
from django_tasks import task

from civic_wagtail.conf import civic_settings

KEY = "civic-library-dl:{}"
FLUSH_LOCK = "civic-library-dl-flush"


def get_cache():
    return caches[civic_settings.LIBRARY_DOWNLOAD_CACHE]


def record_download(resource_id):
    """Count one download in the cache; queue a flush if none was queued this interval."""
    cache = get_cache()
    key = KEY.format(resource_id)
    # add() is a no-op when the key exists; incr() is atomic on Redis and Memcached.
    cache.add(key, 0, timeout=None)
    try:
        cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=None)
    if cache.add(FLUSH_LOCK, 1, timeout=civic_settings.LIBRARY_DOWNLOAD_FLUSH_INTERVAL):
        transaction.on_commit(lambda: flush_download_counts.enqueue())


def pending_count(resource_id):
    """Downloads counted in the cache and not yet flushed."""
    return get_cache().get(KEY.format(resource_id)) or 0


def flush_counts():
    """Move every buffered count into the database; returns the number of downloads moved."""
    from .models import DownloadTally, ResourcePage

    cache = get_cache()
    ids = list(ResourcePage.objects.values_list("pk", flat=True))
    keys = {KEY.format(pk): pk for pk in ids}
    buffered = {keys[key]: value for key, value in cache.get_many(list(keys)).items() if value}
    moved = 0
    with transaction.atomic():
        existing = set(
            DownloadTally.objects.filter(resource_id__in=buffered).values_list(
                "resource_id", flat=True
            )
        )
        DownloadTally.objects.bulk_create(
            [DownloadTally(resource_id=pk, count=0) for pk in buffered if pk not in existing]
        )
        for pk, value in buffered.items():
            DownloadTally.objects.filter(resource_id=pk).update(count=F("count") + value)
            moved += value
    # Only once the counts are committed: decr (not delete) keeps downloads that were
    # counted while we flushed.
    for pk, value in buffered.items():
        cache.decr(KEY.format(pk), value)
    return moved


@task()
def flush_download_counts():
    return flush_counts()


def serve_download(resource, request):
    """The ``download/`` route of a resource page: count, then redirect to the target."""
    target = resource.get_download_target()
    if not target:
        raise Http404("This resource has no file or link.")
    record_download(resource.pk)
    return HttpResponseRedirect(target)
