"""Lockout per account, a high per-address limit, allauth reading the package's client IP."""

import importlib
import sys

import pytest
from django.test import RequestFactory, override_settings

from civic_wagtail.members.adapter import AccountAdapter

from .helpers import PASSWORD, account, session_user_id, site_login

pytestmark = pytest.mark.django_db


def test_a_locked_login_answers_429_with_retry_after(client):
    user = account("lola")
    for _ in range(5):
        assert site_login(client, user, "wrong").status_code == 200
    response = site_login(client, user, "wrong")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 300
    assert "Too many failed log-ins" in response.content.decode()
    # The right password does not open a locked account.
    response = site_login(client, user)
    assert response.status_code == 429
    assert session_user_id(client) is None


def test_twelve_wrong_passwords_then_the_right_one_is_refused(client):
    user = account("tina")
    for _ in range(12):
        site_login(client, user, "wrong")
    assert site_login(client, user).status_code == 429
    assert session_user_id(client) is None


def test_one_accounts_failures_do_not_lock_others_on_the_same_address(client):
    victim, colleague = account("vic"), account("cole")
    for _ in range(10):
        site_login(client, victim, "wrong")
    response = site_login(client, colleague)
    assert response.status_code == 302
    assert session_user_id(client) == str(colleague.pk)


def test_many_accounts_from_one_address_hit_the_stuffing_limit(client):
    # 100 failures per address in 5 minutes, whatever the accounts (credential stuffing).
    for i in range(100):
        site_login(client, f"nobody{i}@city.example.gov", "wrong")
    late = account("late")
    response = site_login(client, late)
    assert response.status_code == 429
    assert session_user_id(client) is None
    # Another address is not affected.
    response = site_login(client, late, REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 302


@override_settings(
    CIVIC_WAGTAIL_CLIENT_IP_HEADER="HTTP_X_FORWARDED_FOR",
    CIVIC_WAGTAIL_TRUSTED_PROXY_COUNT=1,
    ACCOUNT_RATE_LIMITS={"login_failed": "5/5m/key,3/5m/ip"},
)
def test_allauth_counts_addresses_through_the_client_ip_setting(client):
    # All requests come through one proxy (one REMOTE_ADDR); the forwarded address counts.
    for i in range(3):
        site_login(client, f"x{i}@city.example.gov", "wrong", HTTP_X_FORWARDED_FOR="198.51.100.1")
    user = account("xena")
    refused = site_login(client, user, HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert refused.status_code == 429
    # A forged entry in front of the proxy's is ignored: still 198.51.100.1.
    forged = site_login(client, user, HTTP_X_FORWARDED_FOR="10.9.9.9, 198.51.100.1")
    assert forged.status_code == 429
    accepted = site_login(client, user, HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert accepted.status_code == 302


@override_settings(CIVIC_WAGTAIL_CLIENT_IP_HEADER="HTTP_X_FORWARDED_FOR")
def test_adapter_uses_the_package_client_ip_rule():
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.7"
    )
    assert AccountAdapter().get_client_ip(request) == "198.51.100.7"


def test_production_reads_the_client_ip_setting_from_the_environment(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "x" * 50)
    monkeypatch.setenv("DATABASE_URL", "postgres://u@localhost/db")
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/0")
    monkeypatch.delenv("CLIENT_IP_HEADER", raising=False)
    monkeypatch.delenv("TRUSTED_PROXY_COUNT", raising=False)

    def load():
        sys.modules.pop("civic_demo.settings.production", None)
        return importlib.import_module("civic_demo.settings.production")

    production = load()
    # Documented default: one reverse proxy that appends to X-Forwarded-For.
    assert production.CIVIC_WAGTAIL_CLIENT_IP_HEADER == "HTTP_X_FORWARDED_FOR"
    assert production.CIVIC_WAGTAIL_TRUSTED_PROXY_COUNT == 1
    assert production.ACCOUNT_ADAPTER == "civic_wagtail.members.adapter.AccountAdapter"
    monkeypatch.setenv("CLIENT_IP_HEADER", "")
    monkeypatch.setenv("TRUSTED_PROXY_COUNT", "2")
    production = load()
    assert production.CIVIC_WAGTAIL_CLIENT_IP_HEADER is None
    assert production.CIVIC_WAGTAIL_TRUSTED_PROXY_COUNT == 2
    sys.modules.pop("civic_demo.settings.production", None)


def test_a_successful_login_does_not_reset_the_lock_of_a_brute_forced_account(client):
    user = account("bree")
    for _ in range(4):
        site_login(client, user, "wrong")
    assert site_login(client, user).status_code == 302  # 4 < 5: still allowed
    client.logout()
    site_login(client, user, "wrong")
    assert site_login(client, user, PASSWORD).status_code == 429


@override_settings(ACCOUNT_RATE_LIMITS={"signup": "1/m/ip", "login_failed": "5/5m/key"})
def test_allauths_other_limits_answer_the_packages_429_with_retry_after(client):
    """Sign-up, password reset and the like are refused by allauth itself: through the root
    URLconf's handler429 they get the package's page and a Retry-After (the longest window)."""
    data = {"email": "one@example.gov", "password1": "x" * 12, "password2": "x" * 12}
    client.post("/accounts/signup/", data)
    refused = client.post("/accounts/signup/", {**data, "email": "two@example.gov"})
    assert refused.status_code == 429
    assert refused["Retry-After"] == "300"  # login_failed's 5 minutes is the longest window
    assert "You have made many account requests in a short time." in refused.content.decode()
