"""The account adapter: allauth reads client addresses and answers lockouts the package's way.

Set ``ACCOUNT_ADAPTER = "civic_wagtail.members.adapter.AccountAdapter"`` (or subclass it), and
``handler429 = "civic_wagtail.members.adapter.handler429"`` in the root URLconf, where allauth
looks for the answer to its other rate limits (sign-up, password reset, e-mail confirmation).
"""

import math
import time
from http import HTTPStatus

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.core.internal import ratelimit as allauth_ratelimit
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.shortcuts import render

from civic_wagtail.ratelimit import RateLimited, client_ip, rate_limited

LOGIN_FAILED = "login_failed"


def login_retry_after(request, key):
    """Seconds until the ``login_failed`` limits of ``key`` (and this address) let one through."""
    now = time.time()
    wait = 0
    for rate in allauth_ratelimit.get_rates(app="allauth.account", action=LOGIN_FAILED):
        cache_key = allauth_ratelimit.get_cache_key(
            request, app="allauth.account", action=LOGIN_FAILED, rate=rate, key=key
        )
        history = [ts for ts in cache.get(cache_key, []) if ts > now - rate.duration]
        if len(history) >= rate.amount:
            # History is newest first: the limit opens when the amount-th newest expires.
            wait = max(wait, history[rate.amount - 1] + rate.duration - now)
    return max(1, math.ceil(wait))


class AccountAdapter(DefaultAccountAdapter):
    """allauth adapter of civic_wagtail.

    - the client address comes from :func:`civic_wagtail.ratelimit.client_ip`, the package's one
      rule for proxies (``CIVIC_WAGTAIL_CLIENT_IP_HEADER``, ``CIVIC_WAGTAIL_TRUSTED_PROXY_COUNT``),
      so allauth's per-address limits count real clients, not the proxy;
    - a login refused by the ``login_failed`` limit answers 429 with ``Retry-After`` instead of a
      form error on a 200 page, so clients and monitoring see a lockout for what it is.
    """

    def get_client_ip(self, request):
        return client_ip(request)

    def pre_authenticate(self, request, **credentials):
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError as error:
            if getattr(error, "code", None) != "too_many_login_attempts":
                raise
            key = self._get_login_attempts_cache_key(request, **credentials)
            raise ImmediateHttpResponse(self.locked_response(request, key)) from error

    def locked_response(self, request, key):
        """The 429 page of a locked login; override to change its template."""
        retry_after = login_retry_after(request, key)
        response = render(
            request,
            "civic_wagtail/members/login_locked.html",
            {"retry_after": retry_after, "minutes": math.ceil(retry_after / 60)},
            status=HTTPStatus.TOO_MANY_REQUESTS,
        )
        response["Retry-After"] = str(retry_after)
        return response


def longest_account_window():
    """Seconds of the longest window among allauth's configured rate limits: allauth does not
    say which limit refused a request, so this is when any of them lets one through again."""
    from allauth.account import app_settings

    windows = [
        rate.duration
        for rates in app_settings.RATE_LIMITS.values()
        for rate in allauth_ratelimit.parse_rates(rates)
    ]
    return max(1, math.ceil(max(windows, default=60)))


def handler429(request, exception=None):
    """allauth's answer to a refused request (``<ROOT_URLCONF>.handler429``): the package's
    429 page, with ``Retry-After``, like every other refusal of the package."""
    scope = "member" if request.user.is_authenticated else "anonymous"
    return rate_limited(request, RateLimited("account", scope, longest_account_window()))
