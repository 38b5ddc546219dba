"""A second factor for everyone with admin access (CIVIC_WAGTAIL_REQUIRE_MFA_FOR_ADMIN)."""

import re

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.test import override_settings

from civic_wagtail.members.checks import check_second_factor

from .helpers import PASSWORD, account, fresh_totp, session_user_id, site_login, totp

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _require_mfa(settings):
    settings.CIVIC_WAGTAIL_REQUIRE_MFA_FOR_ADMIN = True


def with_totp(user):
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    RecoveryCodes.activate(user)
    return secret


@pytest.mark.parametrize("admin", ["/admin/", "/django-admin/"])
def test_an_admin_without_a_second_factor_is_sent_to_set_one_up(client, admin):
    editor = account("edna", staff=True, editor=True)
    site_login(client, editor)
    assert session_user_id(client) == str(editor.pk)
    response = client.get(admin)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"
    # Every admin URL, not only the dashboard; but logging out needs no second factor.
    assert client.get(admin + "login/")["Location"] == "/accounts/2fa/totp/activate/"
    client.post(admin + "logout/")
    assert session_user_id(client) is None


def test_a_superuser_too(client):
    boss = account("boss", staff=True, superuser=True)
    site_login(client, boss)
    assert client.get("/admin/pages/")["Location"] == "/accounts/2fa/totp/activate/"


def test_setting_up_totp_opens_the_admin(client):
    editor = account("eli", staff=True, editor=True)
    site_login(client, editor)
    # allauth asks for the password again before a security change.
    page = client.get("/accounts/2fa/totp/activate/")
    assert page["Location"].startswith("/accounts/reauthenticate/")
    client.post(page["Location"], {"password": PASSWORD})
    page = client.get("/accounts/2fa/totp/activate/")
    assert page.status_code == 200
    secret = page.context["form"].secret
    wrong = client.post("/accounts/2fa/totp/activate/", {"code": "000000"})
    assert wrong.status_code == 200 and not Authenticator.objects.filter(user=editor).exists()
    done = client.post("/accounts/2fa/totp/activate/", {"code": fresh_totp(secret)})
    assert done.status_code == 302
    assert Authenticator.objects.filter(user=editor, type="totp").exists()
    assert Authenticator.objects.filter(user=editor, type="recovery_codes").exists()
    assert client.get("/admin/").status_code == 200


def test_login_asks_for_the_code_and_only_the_right_one_opens_the_admin(client):
    editor = account("ezra", staff=True, editor=True)
    secret = with_totp(editor)
    response = site_login(client, editor)
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert session_user_id(client) is None  # the password alone is not enough
    assert client.get("/admin/").status_code == 302
    bad = client.post("/accounts/2fa/authenticate/", {"code": "123456"})
    assert bad.status_code == 200 and session_user_id(client) is None
    good = client.post("/accounts/2fa/authenticate/", {"code": fresh_totp(secret)})
    assert good.status_code == 302
    assert session_user_id(client) == str(editor.pk)
    assert client.get("/admin/").status_code == 200


def test_a_recovery_code_replaces_a_lost_phone_once(client):
    editor = account("ria", staff=True, editor=True)
    with_totp(editor)
    code = RecoveryCodes(Authenticator.objects.get(user=editor, type="recovery_codes"))
    code = code.get_unused_codes()[0]
    site_login(client, editor)
    client.post("/accounts/2fa/authenticate/", {"code": code})
    assert session_user_id(client) == str(editor.pk)
    assert client.get("/admin/").status_code == 200
    client.logout()
    site_login(client, editor)
    client.post("/accounts/2fa/authenticate/", {"code": code})
    assert session_user_id(client) is None


def test_the_admin_login_url_leads_through_both_factors(client):
    editor = account("ali", staff=True, editor=True)
    secret = with_totp(editor)
    start = client.get("/admin/login/?next=/admin/pages/")["Location"]
    assert start == "/accounts/login/?next=%2Fadmin%2Fpages%2F"
    response = client.post(start, {"login": editor.email, "password": PASSWORD})
    assert response["Location"] == "/accounts/2fa/authenticate/"
    response = client.post("/accounts/2fa/authenticate/", {"code": fresh_totp(secret)})
    assert response["Location"] == "/admin/pages/"


def test_members_without_admin_access_are_not_asked_for_a_second_factor(client):
    user = account("mel")
    response = site_login(client, user)
    assert response["Location"] == "/members/profile/"
    assert client.get("/members/profile/").status_code == 200


@override_settings(CIVIC_WAGTAIL_REQUIRE_MFA_FOR_ADMIN=False)
def test_the_requirement_can_be_switched_off(client):
    editor = account("opt", staff=True, editor=True)
    site_login(client, editor)
    assert client.get("/admin/").status_code == 200


def test_totp_helper_matches_rfc_6238():
    # RFC 6238 appendix B, SHA-1 secret "12345678901234567890", T = 59 s -> 94287082 (8 digits).
    secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
    assert totp(secret, at=59, digits=8) == "94287082"
    assert re.fullmatch(r"\d{6}", totp(secret))


def test_checks_name_the_missing_pieces(settings):
    assert check_second_factor() == []
    settings.MIDDLEWARE = [
        m for m in settings.MIDDLEWARE if not m.endswith("AdminSecondFactorMiddleware")
    ]
    settings.ACCOUNT_ADAPTER = "allauth.account.adapter.DefaultAccountAdapter"
    ids = [error.id for error in check_second_factor()]
    assert ids == ["civic_wagtail_members.E004", "civic_wagtail_members.W001"]
    settings.CIVIC_WAGTAIL_REQUIRE_MFA_FOR_ADMIN = False
    assert [error.id for error in check_second_factor()] == ["civic_wagtail_members.W001"]


@pytest.mark.parametrize("url", ["/accounts/2fa/", "/accounts/2fa/webauthn/"])
def test_every_second_factor_page_opens(client, url):
    """The security-key pages load django.contrib.humanize: it must be installed."""
    client.force_login(account("kit"))
    assert client.get(url).status_code == 200
