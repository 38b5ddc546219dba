"""The pages people see when the discussion says no: 403 (may not post), 429 (too fast)."""

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render


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


def rate_limited(request, limited):
    """429 page; nothing was stored. ``Retry-After`` tells clients when to try again."""
    response = render(
        request,
        "civic_wagtail/discussion/rate_limited.html",
        {"limited": limited, "minutes": max(1, round(limited.retry_after / 60))},
        status=429,
    )
    response["Retry-After"] = str(limited.retry_after)
    return response
