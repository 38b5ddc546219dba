"""What the anonymous page cache stores and replays, and what it leaves alone."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse, HttpResponseNotFound
from django.test import RequestFactory, override_settings
from wagtail.contrib.frontend_cache.backends import BaseBackend

from civic_wagtail import page_cache
from civic_wagtail.page_cache import AnonymousPageCacheMiddleware

PURGED = []


class RecordingBackend(BaseBackend):
    """A frontend cache that writes down what it was asked to purge."""

    def purge(self, url):
        PURGED.append(url)


@pytest.fixture(autouse=True)
def cache_on():
    with override_settings(CIVIC_WAGTAIL_PAGE_CACHE_SECONDS=600):
        yield


class View:
    """A view that declares ``scopes`` (each as often as it is listed) and counts its renders."""

    def __init__(self, *scopes, response=None):
        self.scopes = scopes
        self.response = response or (lambda: HttpResponse("<p>Hello</p>"))
        self.renders = 0

    def __call__(self, request):
        self.renders += 1
        for scope in self.scopes:
            page_cache.depends_on(request, scope)
        return self.response()


def get(view, path="/page/"):
    request = RequestFactory().get(path)
    request.user = AnonymousUser()
    return AnonymousPageCacheMiddleware(view)(request)


def test_a_page_without_a_form_is_replayed_as_stored():
    view = View("page:1", "page:1", page_cache.NAV)  # a scope declared twice counts once
    first, second = get(view), get(view)
    assert (first["X-Civic-Cache"], second["X-Civic-Cache"]) == ("miss", "hit")
    assert second.content == b"<p>Hello</p>" and view.renders == 1
    page_cache.bump("page:1")
    assert get(view)["X-Civic-Cache"] == "miss"


def test_a_page_that_declares_nothing_is_rendered_every_time():
    view = View()
    assert "X-Civic-Cache" not in get(view) and "X-Civic-Cache" not in get(view)
    assert view.renders == 2


def not_found():
    return HttpResponseNotFound("gone")


def private():
    response = HttpResponse("yours only")
    response["Cache-Control"] = "private, max-age=0"
    return response


def with_cookie():
    response = HttpResponse("hello")
    response.set_cookie("seen", "1")
    return response


@pytest.mark.parametrize("response", [not_found, private, with_cookie])
def test_errors_private_pages_and_cookies_are_never_stored(response):
    view = View("page:1", response=response)
    get(view)
    replayed = get(view)
    assert view.renders == 2 and "X-Civic-Cache" not in replayed
    assert replayed.status_code == response().status_code


def test_urls_are_purged_only_from_a_configured_frontend_cache():
    PURGED.clear()
    page_cache.purge_urls(["https://civic.example.gov/forum/"])
    assert PURGED == []
    backend = {"recorder": {"BACKEND": f"{__name__}.RecordingBackend"}}
    with override_settings(WAGTAILFRONTENDCACHE=backend, WAGTAILFRONTENDCACHE_LANGUAGES=[]):
        page_cache.purge_urls(["https://civic.example.gov/forum/", None, ""])
        page_cache.purge_urls([None])
    assert PURGED == ["https://civic.example.gov/forum/"]
