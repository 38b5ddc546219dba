"""Whole pages cached for anonymous visitors, invalidated exactly by what changed.

A view that may be cached says what its output depends on with :func:`depends_on`: scopes
such as ``page:12``, ``type:library.bestpracticepage``, ``comments:31:4`` or ``nav``.
:class:`AnonymousPageCacheMiddleware` stores the page rendered for an anonymous GET with the
version of each scope *as read when the view declared it*, and serves it again while every
version is unchanged. A change bumps its scopes (:func:`bump`: a new comment bumps its
discussion's scope; a publish the page's, its type's and, near the top of the tree, the
navigation's), so the next anonymous request renders afresh and nothing else is
invalidated. The same change purges the URL from the frontend caches
(``wagtail.contrib.frontend_cache``), the path the events feeds use.

Pages carry CSRF tokens (the language switcher, comment forms): each is stored as a
placeholder and every visitor gets their own token when the page is served. A response that
sets a cookie or a message, or says ``private`` or ``no-store``, is never stored.
``CIVIC_WAGTAIL_PAGE_CACHE_SECONDS`` bounds an entry's life (0 turns the cache off).
"""

import hashlib
import re
import time

from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token

from civic_wagtail.conf import civic_settings

NAV = "nav"
PLACEHOLDER = "civic-csrf-placeholder-9b1e"
_CSRF_VALUE = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')
_PREFIX = "civic-page-cache"


def page_scope(page_id):
    return f"page:{page_id}"


def type_scope(model):
    return f"type:{model._meta.label_lower}"


def comments_scope(content_type_id, object_pk):
    return f"comments:{content_type_id}:{object_pk}"


def _version_key(scope):
    return f"{_PREFIX}:v:{scope}"


def versions(scopes):
    """The current version of each scope; a scope never seen (or evicted) gets a fresh one."""
    keys = {scope: _version_key(scope) for scope in scopes}
    found = cache.get_many(list(keys.values()))
    result = {}
    for scope, key in keys.items():
        if key not in found:
            cache.add(key, time.time_ns(), None)  # never a value an old entry could hold
            found[key] = cache.get(key)
        result[scope] = found[key]
    return result


def bump(*scopes):
    """Invalidate every cached page that depends on one of ``scopes``."""
    for scope in set(scopes):
        key = _version_key(scope)
        try:
            cache.incr(key)
        except ValueError:  # not stored yet (or evicted): any new value invalidates
            cache.set(key, time.time_ns(), None)


def depends_on(request, *scopes):
    """Declare that the page being rendered for ``request`` shows what ``scopes`` name."""
    if request is None or not hasattr(request, "_civic_page_cache"):
        return
    new = [scope for scope in scopes if scope not in request._civic_page_cache]
    if new:
        request._civic_page_cache.update(versions(new))


def purge_urls(urls):
    """Purge ``urls`` from the frontend caches (a no-op when none is configured)."""
    from django.conf import settings
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    urls = [url for url in urls if url]
    if urls and getattr(settings, "WAGTAILFRONTENDCACHE", None):
        PurgeBatch(urls).purge()


def _entry_key(request):
    raw = "\x00".join(
        [request.get_host(), request.get_full_path(), getattr(request, "LANGUAGE_CODE", "")]
    )
    return f"{_PREFIX}:e:{hashlib.sha256(raw.encode()).hexdigest()}"


def _cacheable_request(request):
    if request.method not in ("GET", "HEAD") or int(civic_settings.PAGE_CACHE_SECONDS) <= 0:
        return False
    if "messages" in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return user is not None and not user.is_authenticated


def _storable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if any(word in response.get("Cache-Control", "") for word in ("private", "no-store")):
        return False
    storage = getattr(request, "_messages", None)
    return not getattr(storage, "added_new", False)


class AnonymousPageCacheMiddleware:
    """Serve anonymous visitors stored pages while what they show is unchanged.

    Place it after the session, authentication, CSRF and message middleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        key = _entry_key(request)
        entry = cache.get(key)
        if entry is not None and versions(entry["versions"]) == entry["versions"]:
            return self._replay(request, entry)
        request._civic_page_cache = {}
        response = self.get_response(request)
        if request._civic_page_cache and _storable(request, response):
            content = _CSRF_VALUE.sub(rf"\g<1>{PLACEHOLDER}\g<2>", response.content.decode())
            headers = {
                name: value
                for name, value in response.items()
                if name.lower() not in ("content-length", "set-cookie")
            }
            entry = {"content": content, "headers": headers, "versions": request._civic_page_cache}
            cache.set(key, entry, int(civic_settings.PAGE_CACHE_SECONDS))
            response["X-Civic-Cache"] = "miss"
        return response

    def _replay(self, request, entry):
        content = entry["content"]
        if PLACEHOLDER in content:
            content = content.replace(PLACEHOLDER, get_token(request))
        response = HttpResponse(content)
        for name, value in entry["headers"].items():
            response[name] = value
        response["X-Civic-Cache"] = "hit"
        return response


# Fragments: parts of a page shared by every visitor, signed in or not.


def fragment(name, parts, scopes, render):
    """The HTML of the fragment ``name`` for ``parts`` (what else it depends on: page number,
    query string, language...), rendered by ``render()`` while the versions of ``scopes`` are
    unchanged, then stored. ``render`` returns ``(html, meta)``; the answer is ``(html, meta)``.

    Signed-in pages use fragments too: a fragment holds nothing personal (whatever differs by
    visitor is marked in it and filled in per request, see
    :mod:`civic_wagtail.discussion.fragments`); its CSRF tokens are stored as placeholders and
    given the current visitor's token on the way out. With ``CIVIC_WAGTAIL_PAGE_CACHE_SECONDS``
    at 0 every call renders.
    """
    seconds = int(civic_settings.PAGE_CACHE_SECONDS)
    if seconds <= 0:
        return render()
    raw = "\x00".join(str(part) for part in parts)
    key = f"{_PREFIX}:f:{name}:{hashlib.sha256(raw.encode()).hexdigest()}"
    entry = cache.get(key)
    if entry is not None and versions(entry["versions"]) == entry["versions"]:
        return entry["html"], entry["meta"]
    current = versions(scopes)  # read before rendering: a change meanwhile makes it stale
    html, meta = render()
    stored = _CSRF_VALUE.sub(rf"\g<1>{PLACEHOLDER}\g<2>", str(html))
    cache.set(key, {"html": stored, "meta": meta, "versions": current}, seconds)
    return html, meta


def with_csrf(request, html):
    """``html`` (from :func:`fragment`) with the request's CSRF token in place of placeholders."""
    if PLACEHOLDER in html:
        html = html.replace(PLACEHOLDER, get_token(request))
    return html
