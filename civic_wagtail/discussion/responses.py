"""The pages people see when the discussion says no: 403 (may not post), 429 (too fast).

The 429 answer is the core one, :func:`civic_wagtail.ratelimit.rate_limited`; it is
imported here so that ``from .responses import rate_limited`` keeps working.
"""

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render

from civic_wagtail.ratelimit import rate_limited

__all__ = ["rate_limited", "refused"]


def refused(request, refusal):
    """403 page explaining a :class:`~.policy.PostingRefused`, or a log-in redirect on GET."""
    if refusal.login and request.method == "GET":
        return redirect_to_login(request.get_full_path())
    return render(
        request,
        "civic_wagtail/discussion/refused.html",
        {"message": refusal.message, "login": refusal.login},
        status=403,
    )
