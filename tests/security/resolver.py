"""Every URL pattern the test site answers, as readable keys.

A key is the pattern as written, prefixes joined (``discussion/comments/<int:comment_id>/like/``),
which is also what Django's ``ResolverMatch.route`` gives for a path. Routes of the package's
routable pages are served through Wagtail's catch-all ``wagtail_serve`` pattern, so they are
listed too, as ``<PageModel>:/<route>`` (``MentoringPage:/mentors/<int:pk>/``).
"""

from dataclasses import dataclass

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page


@dataclass(frozen=True)
class Pattern:
    key: str
    #: ``namespace:name`` (or the page route's name), empty when the pattern has none.
    name: str
    #: Dotted module of the view, to tell the package's views from third-party ones.
    module: str

    @property
    def is_package(self):
        return "civic_wagtail" in self.name or self.module.startswith("civic_wagtail")


def _walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}{pattern.namespace}:"
            yield from _walk(pattern.url_patterns, route, inner)
        elif isinstance(pattern, URLPattern):
            view = pattern.callback
            module = getattr(getattr(view, "view_class", view), "__module__", "")
            yield Pattern(route, f"{namespace}{pattern.name or ''}", module)


def page_routes():
    """The routes of every routable page model of the package."""
    for model in apps.get_models():
        if not (issubclass(model, RoutablePageMixin) and issubclass(model, Page)):
            continue
        if not model.__module__.startswith("civic_wagtail."):
            continue
        for pattern in model.get_resolver().url_patterns:
            key = f"{model.__name__}:/{pattern.pattern}"
            yield Pattern(key, pattern.name or "", model.__module__)


def all_patterns():
    """``{key: Pattern}`` of the root URLconf and of the package's routable pages."""
    found = {}
    for pattern in [*_walk(get_resolver().url_patterns), *page_routes()]:
        found.setdefault(pattern.key, pattern)
    return found
