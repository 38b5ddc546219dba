"""``/healthz/``: what a load balancer asks before it sends a process traffic.

Answers JSON with the state of each dependency (the database, the cache, the task queue and its
backlog) and 200 when all answer, 503 when one does not, so a balancer takes the process out of
rotation while PostgreSQL or Redis is away. Nothing here is secret: no host names, no versions,
only "ok", "down" and a count. Never cached.
"""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


def database_state():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"state": "ok"}


def cache_state():
    key = f"civic-healthz:{uuid.uuid4().hex}"
    cache.set(key, "1", 10)
    if cache.get(key) != "1":
        raise RuntimeError("the cache did not return what was stored")
    cache.delete(key)
    return {"state": "ok"}


def task_state():
    """The default task backend, and the jobs waiting in its queues (RQ) or 0 (in-process)."""
    from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends

    backend = task_backends[DEFAULT_TASK_BACKEND_ALIAS]
    queues = getattr(backend, "_get_queues", None)
    backlog = sum(queue.count for queue in queues()) if queues else 0
    return {"state": "ok", "backend": type(backend).__name__, "backlog": backlog}


CHECKS = {"database": database_state, "cache": cache_state, "tasks": task_state}


@never_cache
@require_GET
def healthz(request):
    report, healthy = {}, True
    for name, check in CHECKS.items():
        try:
            report[name] = check()
        except Exception:  # any failure of a dependency is a "down", logged with its cause
            logger.exception("Health check: %s is down", name)
            report[name] = {"state": "down"}
            healthy = False
    report["status"] = "ok" if healthy else "down"
    return JsonResponse(report, status=200 if healthy else 503)
