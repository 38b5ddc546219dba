"""One login path: the admins' login URLs never check a password; allauth does."""

from urllib.parse import unquote

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import clear_url_caches

from civic_wagtail.members.checks import check_admin_logins

from .helpers import PASSWORD, account, plain_user, session_user_id, site_login

pytestmark = pytest.mark.django_db

# Both admins' logins and Wagtail's login for private pages: none checks a password itself.
ADMIN_LOGINS = ["/admin/login/", "/django-admin/login/", "/_util/login/"]


@pytest.mark.parametrize("url", ADMIN_LOGINS)
def test_a_non_staff_member_gets_no_session_from_an_admin_login(client, url):
    user = account("nora")
    response = client.post(url, {"username": user.username, "password": PASSWORD})
    assert session_user_id(client) is None
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


@pytest.mark.parametrize("url", ADMIN_LOGINS)
def test_an_unconfirmed_address_gets_no_session_from_an_admin_login(client, url):
    user = account("una", confirmed=False, staff=True, editor=True)
    client.post(url, {"username": user.username, "password": PASSWORD})
    client.post(url, {"username": user.email, "password": PASSWORD})
    assert session_user_id(client) is None
    # The site login refuses it too until the address is confirmed.
    response = site_login(client, user)
    assert session_user_id(client) is None
    assert response["Location"] == "/accounts/confirm-email/"


@pytest.mark.parametrize("url", ADMIN_LOGINS)
def test_admin_logins_offer_no_way_around_the_lockout(client, url):
    user = account("stan", staff=True, editor=True)
    for _ in range(12):
        client.post(url, {"username": user.username, "password": "wrong"})
    client.post(url, {"username": user.username, "password": PASSWORD})
    assert session_user_id(client) is None


@pytest.mark.parametrize(
    "url,home", [("/admin/login/", "/admin/"), ("/django-admin/login/", "/django-admin/")]
)
def test_admin_login_hands_over_to_allauth_and_back(client, url, home):
    response = client.get(url + "?next=" + home + "pages/")
    assert response["Location"] == "/accounts/login/?next=" + home.replace("/", "%2F") + "pages%2F"
    response = client.get(url + "?next=https://evil.example/")
    assert response["Location"] == "/accounts/login/?next=" + home.replace("/", "%2F")


def test_a_private_page_sends_people_to_the_site_login_and_back(client):
    response = client.get("/_util/login/?next=/members-area/")
    assert response["Location"] == "/accounts/login/?next=%2Fmembers-area%2F"
    client.force_login(account("pia"))
    assert client.get("/_util/login/?next=/members-area/")["Location"] == "/members-area/"


@pytest.mark.parametrize("url", ADMIN_LOGINS)
@pytest.mark.parametrize("target", ["home", "/" + "x" * 5000, "//evil.example/", "\x00"])
def test_a_next_that_is_not_a_same_site_path_is_ignored(client, url, target):
    client.force_login(account("ned", staff=True, editor=True))
    response = client.get(url, {"next": target})
    assert response.status_code == 302
    assert response["Location"] in ("/", "/admin/", "/django-admin/")


def test_anonymous_admin_visit_ends_at_the_site_login(client):
    response = client.get("/admin/pages/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/accounts/login/?next=")
    assert response.status_code == 200


def test_a_signed_in_member_without_admin_access_gets_wagtails_refusal(client):
    user = account("mona")
    site_login(client, user)
    assert session_user_id(client) == str(user.pk)
    response = client.get("/admin/", follow=True)
    assert response.status_code == 403
    assert "You do not have permission to access the admin." in response.content.decode()
    assert "no access to the admin" in response.content.decode()
    # Still the same, unprivileged session.
    assert session_user_id(client) == str(user.pk)
    assert client.get("/admin/pages/").status_code == 302
    assert client.get("/django-admin/").status_code == 302


@override_settings(CIVIC_WAGTAIL_REQUIRE_MFA_FOR_ADMIN=False)
def test_an_editor_logged_in_through_allauth_enters_both_admins(client):
    editor = account("eddie", staff=True, editor=True)
    site_login(client, editor)
    assert client.get("/admin/login/?next=/admin/pages/")["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200
    assert client.get("/django-admin/login/")["Location"] == "/django-admin/"


def test_wagtails_password_reset_is_allauths(client):
    response = client.get("/admin/password_reset/")
    assert response["Location"] == "/accounts/password/reset/"


def test_checks_pass_for_the_demo_urls():
    assert check_admin_logins() == []


@pytest.mark.parametrize(
    "urlconf,ids",
    [
        ("tests.members.urls_open", ["civic_wagtail_members.E001", "civic_wagtail_members.E002"]),
        ("tests.members.urls_wagtail_only", ["civic_wagtail_members.E002"]),
        ("tests.members.urls_pages_open", ["civic_wagtail_members.E005"]),
    ],
)
def test_checks_report_an_admin_login_left_open(urlconf, ids):
    with override_settings(ROOT_URLCONF=urlconf):
        clear_url_caches()
        try:
            errors = check_admin_logins()
        finally:
            clear_url_caches()
    assert [error.id for error in errors] == ids
    assert "admin_login" in errors[0].hint


def test_plain_user_without_profile_cannot_use_admin_login(client):
    user = plain_user("pete")
    client.post("/admin/login/", {"username": user.username, "password": PASSWORD})
    assert session_user_id(client) is None


def test_manage_py_check_is_clean():
    call_command("check", "--fail-level", "WARNING")


def test_a_members_only_download_asks_for_the_site_login(client):
    """A visitor's download of a members-only file goes straight to the site's login page."""
    from wagtail.models import CollectionViewRestriction

    from .test_members_only import document_in, restricted_collection

    document = document_in(restricted_collection(CollectionViewRestriction.LOGIN))
    response = client.get(document.url, follow=True)
    hops = [url for url, _status in response.redirect_chain]
    assert len(hops) == 1 and hops[0].startswith("/accounts/login/?next=")
    assert document.url in unquote(hops[0])
    assert response.status_code == 200


@pytest.mark.parametrize("value", [None, "", "/_util/login/"])
def test_a_check_asks_for_the_site_login_on_private_pages(value):
    from civic_wagtail.members.checks import check_frontend_login_url

    with override_settings(WAGTAIL_FRONTEND_LOGIN_URL=value):
        errors = check_frontend_login_url()
    assert [error.id for error in errors] == ["civic_wagtail_members.W003"]
    assert 'WAGTAIL_FRONTEND_LOGIN_URL = "account_login"' in errors[0].hint
    for good in ("account_login", "/accounts/login/"):
        with override_settings(WAGTAIL_FRONTEND_LOGIN_URL=good):
            assert check_frontend_login_url() == []
