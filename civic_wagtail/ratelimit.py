"""The package's one rate limiter: fixed windows counted in Django's cache.

A signed-in request is counted against its account only, so members behind one office proxy
never share a budget; an anonymous request is counted against its client address, read by
:func:`client_ip` through the one documented proxy setting. ``cache.add`` + ``cache.incr`` are
atomic in Redis and Memcached, so the limits hold across processes that share the cache; the
local-memory cache counts per process only (system check ``civic_wagtail.W002``).

Actions and their limits live in ``CIVIC_WAGTAIL_RATE_LIMITS``; a site's value is merged over
the defaults action by action, so overriding one action keeps the others. Every refusal is
answered by :func:`rate_limited`: 429 with ``Retry-After`` and one template,
``civic_wagtail/rate_limited.html``; :func:`throttle` counts and answers in one call.
"""

import math
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from civic_wagtail.conf import DEFAULTS, civic_settings

KEY_PREFIX = "civic_wagtail:rate"
TEMPLATE = "civic_wagtail/rate_limited.html"

#: What the 429 page says was done too often, per action; other actions get a general text.
ACTION_MESSAGES = {
    "post": _("You have posted many messages in a short time."),
    "flag": _("You have reported many comments in a short time."),
    "mentorship_request": _("You have sent many mentoring requests in a short time."),
    "mentorship_action": _("You have made many changes to mentorships in a short time."),
    "mentor_offer": _("You have saved your mentor profile many times in a short time."),
    "library_submission": _("You have submitted many case studies and practices in a short time."),
    "event_attendance": _("You have changed many event registrations in a short time."),
    "transparency_alert": _("You have asked for many email alerts in a short time."),
    "consultation_response": _("You have sent many consultation responses in a short time."),
    "kudos": _("You have marked many contributions helpful in a short time."),
    "account": _("You have made many account requests in a short time."),
    "improvement": _("You have saved many assessments, goals or check-ins in a short time."),
    "improvement_invite": _("You have sent many team invitations in a short time."),
    "transparency_ingest": _("You have sent many data batches in a short time."),
}


@dataclass
class RateLimited:
    """Returned by :func:`hit` when a limit is exceeded."""

    action: str
    scope: str
    retry_after: int


def client_ip(request):
    """The client's address.

    Without ``CIVIC_WAGTAIL_CLIENT_IP_HEADER`` this is ``REMOTE_ADDR``. Behind proxies, name
    the header they append to (``"HTTP_X_FORWARDED_FOR"``) and how many of them there are
    (``CIVIC_WAGTAIL_TRUSTED_PROXY_COUNT``): the address is read that many entries from the
    right, the one the outermost trusted proxy saw, so a client cannot choose it by sending a
    forged header of its own.
    """
    header = civic_settings.CLIENT_IP_HEADER
    if header:
        addresses = [part.strip() for part in request.META.get(header, "").split(",")]
        addresses = [address for address in addresses if address]
        count = max(1, int(civic_settings.TRUSTED_PROXY_COUNT))
        if addresses:
            return addresses[-min(count, len(addresses))]
    return request.META.get("REMOTE_ADDR") or "unknown"


def limits_for(action):
    """``{"member": (count, seconds) | None, "anonymous": ...}`` for ``action``."""
    configured = civic_settings.RATE_LIMITS or {}
    merged = {**DEFAULTS["RATE_LIMITS"], **configured}
    return merged.get(action) or {}


def _scope(request, action):
    limits = limits_for(action)
    if request.user.is_authenticated:
        return "member", str(request.user.pk), limits.get("member")
    return "anonymous", client_ip(request), limits.get("anonymous")


def hit(request, action):
    """Count one ``action`` by this request's account (or address, when anonymous).

    Returns a :class:`RateLimited` when the limit is exceeded, else None. Every attempt
    counts, including refused ones, so hammering the endpoint does not reset the window.
    """
    scope, ident, limit = _scope(request, action)
    if not limit:
        return None
    count, seconds = limit
    now = time.time()
    window = int(now // seconds)
    key = f"{KEY_PREFIX}:{action}:{scope}:{ident}:{window}"
    cache.add(key, 0, timeout=seconds)
    try:
        current = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=seconds)
        current = 1
    if current > count:
        return RateLimited(action, scope, max(1, math.ceil((window + 1) * seconds - now)))
    return None


def rate_limited(request, limited):
    """The one answer to a refused action: 429, ``Retry-After``, a page that says when.

    Nothing was stored. The template ``civic_wagtail/rate_limited.html`` gets ``limited``
    (the :class:`RateLimited`), ``message`` and ``minutes``.
    """
    message = ACTION_MESSAGES.get(
        limited.action, _("You have done this many times in a short time.")
    )
    response = render(
        request,
        TEMPLATE,
        {
            "limited": limited,
            "message": message,
            "minutes": max(1, round(limited.retry_after / 60)),
        },
        status=429,
    )
    response["Retry-After"] = str(limited.retry_after)
    return response


def throttle(request, action):
    """Count ``action`` (:func:`hit`); the 429 response when over the limit, else None."""
    limited = hit(request, action)
    return rate_limited(request, limited) if limited else None
