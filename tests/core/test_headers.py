"""Content-Security-Policy and Permissions-Policy on public pages and in the Wagtail admin."""

import pytest
from django.http import HttpResponse
from django.template import engines
from django.test import RequestFactory, override_settings
from django.urls import reverse

from civic_wagtail import roles
from civic_wagtail.headers import PermissionsPolicyMiddleware, permissions_policy_header
from tests.factories import member
from tests.pages import every_page_type


def directives(response):
    """The Content-Security-Policy header as ``{directive: [sources]}``."""
    policy = response["Content-Security-Policy"]
    parsed = {}
    for part in policy.split(";"):
        name, *sources = part.split()
        parsed[name] = sources
    return parsed


def assert_strict(response, url):
    assert response.status_code == 200, url
    policy = directives(response)
    assert policy["default-src"] == ["'self'"], url
    assert "'unsafe-inline'" not in policy["script-src"], url
    assert "'unsafe-eval'" not in policy["script-src"], url
    assert "'unsafe-inline'" not in policy["style-src"], url
    assert policy["object-src"] == ["'none'"], url
    assert policy["frame-ancestors"] == ["'self'"], url
    assert "camera=()" in response["Permissions-Policy"], url
    assert "geolocation=()" in response["Permissions-Policy"], url


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["anonymous", "member", "editor"])
def test_every_public_page_type_sends_both_headers(client, home_page, who):
    pages = every_page_type(home_page)
    if who != "anonymous":
        role_names = [roles.EDITORS] if who == "editor" else []
        client.force_login(member(username=who, role_names=role_names))
    for page in [home_page, *pages["all"]]:
        url = page.get_url()
        assert_strict(client.get(url), url)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/accounts/login/", "/accounts/signup/", "/does-not-exist/"])
def test_account_pages_and_errors_send_both_headers(client, home_page, url):
    response = client.get(url)
    policy = directives(response)
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "Permissions-Policy" in response


@pytest.mark.django_db
def test_the_admin_gets_the_inline_sources_wagtail_needs_and_no_nonce(client, home_page):
    client.force_login(member(username="eli", role_names=[roles.EDITORS]))
    response = client.get(reverse("wagtailadmin_pages:edit", args=[home_page.pk]))
    assert response.status_code == 200
    policy = directives(response)
    # A nonce next to 'unsafe-inline' would make browsers ignore 'unsafe-inline'.
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.django_db
@override_settings(CIVIC_WAGTAIL_ADMIN_CONTENT_SECURITY_POLICY={})
def test_the_admin_policy_can_be_switched_off(client, home_page):
    client.force_login(member(username="eli", role_names=[roles.EDITORS]))
    response = client.get(reverse("wagtailadmin_home"))
    assert "'unsafe-inline'" not in directives(response)["script-src"]


def test_a_nonce_used_by_a_template_is_in_the_header():
    """An inline script carries ``{{ request.csp_nonce }}``; the header names that nonce."""
    from csp.middleware import CSPMiddleware

    template = engines["django"].from_string('<script nonce="{{ request.csp_nonce }}"></script>')

    def view(request):
        return HttpResponse(template.render({}, request))

    request = RequestFactory().get("/")
    response = CSPMiddleware(view)(request)
    nonce = str(request.csp_nonce)
    assert f'nonce="{nonce}"' in response.content.decode()
    assert f"'nonce-{nonce}'" in directives(response)["script-src"]


def test_permissions_policy_syntax():
    header = permissions_policy_header(
        {"camera": [], "fullscreen": ["self"], "geolocation": ["self", "https://maps.example"]}
    )
    assert header == 'camera=(), fullscreen=(self), geolocation=(self "https://maps.example")'


def test_a_view_that_sets_its_own_permissions_policy_keeps_it():
    def view(request):
        response = HttpResponse()
        response["Permissions-Policy"] = "camera=(self)"
        return response

    response = PermissionsPolicyMiddleware(view)(RequestFactory().get("/"))
    assert response["Permissions-Policy"] == "camera=(self)"


@override_settings(CIVIC_WAGTAIL_PERMISSIONS_POLICY={})
def test_an_empty_permissions_policy_sends_no_header():
    response = PermissionsPolicyMiddleware(lambda request: HttpResponse())(
        RequestFactory().get("/")
    )
    assert "Permissions-Policy" not in response
