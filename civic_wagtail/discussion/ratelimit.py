"""Fixed-window rate limits per member and per client address, counted in Django's cache.

``cache.add`` + ``cache.incr`` are atomic in Redis and Memcached, so the limits hold across
processes and servers that share the cache. The local-memory cache only counts per process.
"""

import math
import time
from dataclasses import dataclass

from django.core.cache import cache

from civic_wagtail.conf import civic_settings

KEY_PREFIX = "civic_wagtail:discussion:rate"


@dataclass
class RateLimited:
    """Returned by :func:`hit` when a limit is exceeded."""

    action: str
    scope: str
    retry_after: int


def client_ip(request):
    """The client address, from ``DISCUSSION_CLIENT_IP_HEADER`` behind a trusted proxy."""
    header = civic_settings.DISCUSSION_CLIENT_IP_HEADER
    if header and request.META.get(header):
        return request.META[header].split(",")[0].strip()
    return request.META.get("REMOTE_ADDR") or "unknown"


def _limits(request, action):
    limits = (civic_settings.DISCUSSION_RATE_LIMITS or {}).get(action) or {}
    if request.user.is_authenticated and limits.get("member"):
        yield "member", str(request.user.pk), limits["member"]
    if limits.get("ip"):
        yield "ip", client_ip(request), limits["ip"]


def hit(request, action):
    """Count one ``action`` ("post", "flag") by this request's member and address.

    Returns a :class:`RateLimited` when any limit is exceeded, else None. Every attempt
    counts, including refused ones, so hammering the endpoint does not reset the window.
    """
    now = time.time()
    exceeded = None
    for scope, ident, (count, seconds) in _limits(request, action):
        window = int(now // seconds)
        key = f"{KEY_PREFIX}:{action}:{scope}:{ident}:{window}"
        cache.add(key, 0, timeout=seconds)
        try:
            current = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=seconds)
            current = 1
        if current > count and exceeded is None:
            retry_after = max(1, math.ceil((window + 1) * seconds - now))
            exceeded = RateLimited(action, scope, retry_after)
    return exceeded
