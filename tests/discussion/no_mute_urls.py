"""The demo's URLs with comment permalinks but without comments-xtd's one-click mute link."""

from django.urls import include, path

from civic_demo.urls import urlpatterns as site_urlpatterns
from civic_wagtail.discussion import comment_urls

_permalinks_only = [p for p in comment_urls.urlpatterns if p.name != "comments-xtd-mute"]

urlpatterns = [
    path("comments/", include(_permalinks_only))
    if str(getattr(pattern, "pattern", "")) == "comments/"
    else pattern
    for pattern in site_urlpatterns
]
