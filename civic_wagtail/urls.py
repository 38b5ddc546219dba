"""Public URLs of every installed civic_wagtail app, for one ``include()`` in a site's urls.

An app (ours, or a site's own) takes part by setting ``civic_wagtail_url_prefix`` on its
``AppConfig`` and having a ``urls`` module with an ``app_name``; it is then mounted at that
prefix with its own namespace. Apps that are not installed add nothing. The core adds the
open-data page (``open-data/``, :mod:`civic_wagtail.open_data`).
"""

from importlib import import_module

from django.apps import apps
from django.urls import include, path


def _app_urlpatterns():
    patterns = [path("search/", include("civic_wagtail.search.urls"))]
    for config in apps.get_app_configs():
        prefix = getattr(config, "civic_wagtail_url_prefix", None)
        if prefix is None:
            continue
        module = import_module(f"{config.name}.urls")
        patterns.append(path(prefix, include(module)))
    return patterns


def _core_urlpatterns():
    from .open_data import open_data

    return [path("open-data/", open_data, name="civic_wagtail_open_data")]


urlpatterns = _core_urlpatterns() + _app_urlpatterns()
