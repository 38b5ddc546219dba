"""The core rate limiter: account keying, anonymous addresses, the trusted-proxy rule."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory, override_settings

from civic_wagtail import ratelimit

pytestmark = pytest.mark.django_db


def _request(user=None, **meta):
    request = RequestFactory().post("/", **meta)
    request.user = user or AnonymousUser()
    return request


def test_client_ip_is_remote_addr_without_a_proxy_setting():
    request = _request(REMOTE_ADDR="10.0.0.9", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert ratelimit.client_ip(request) == "10.0.0.9"


@override_settings(CIVIC_WAGTAIL_CLIENT_IP_HEADER="HTTP_X_FORWARDED_FOR")
def test_client_ip_ignores_what_the_client_forged_before_the_trusted_proxy():
    request = _request(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")
    assert ratelimit.client_ip(request) == "203.0.113.7"


@override_settings(
    CIVIC_WAGTAIL_CLIENT_IP_HEADER="HTTP_X_FORWARDED_FOR", CIVIC_WAGTAIL_TRUSTED_PROXY_COUNT=2
)
def test_client_ip_with_two_proxies():
    request = _request(HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7, 10.0.0.2")
    assert ratelimit.client_ip(request) == "203.0.113.7"


@override_settings(CIVIC_WAGTAIL_RATE_LIMITS={"post": {"member": (1, 60), "anonymous": (1, 60)}})
def test_anonymous_requests_share_their_address_budget():
    assert ratelimit.hit(_request(REMOTE_ADDR="10.0.0.5"), "post") is None
    limited = ratelimit.hit(_request(REMOTE_ADDR="10.0.0.5"), "post")
    assert limited.scope == "anonymous" and 0 < limited.retry_after <= 60
    assert ratelimit.hit(_request(REMOTE_ADDR="10.0.0.6"), "post") is None


@override_settings(CIVIC_WAGTAIL_RATE_LIMITS={"post": {"member": (1, 60)}})
def test_a_site_override_of_one_action_keeps_the_default_of_the_others():
    assert ratelimit.limits_for("post") == {"member": (1, 60)}
    assert ratelimit.limits_for("flag")["member"] == (20, 3600)


@override_settings(CIVIC_WAGTAIL_RATE_LIMITS={"export": {"anonymous": (1, 60)}})
def test_every_refusal_is_one_429_page_with_retry_after(home_page):
    assert ratelimit.throttle(_request(REMOTE_ADDR="10.0.0.5"), "export") is None
    response = ratelimit.throttle(_request(REMOTE_ADDR="10.0.0.5"), "export")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    html = response.content.decode()
    assert "Please slow down" in html and "many times in a short time" in html
    assert "about 1 minute" in html


def test_every_mail_or_content_action_has_a_default_limit():
    for action in (
        "post",
        "flag",
        "mentorship_request",
        "mentorship_action",
        "mentor_offer",
        "library_submission",
        "event_attendance",
        "kudos",
    ):
        limits = ratelimit.limits_for(action)
        assert limits["member"] and limits["anonymous"], action
        assert action in ratelimit.ACTION_MESSAGES
