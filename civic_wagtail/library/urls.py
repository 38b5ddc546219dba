"""Non-page URLs of the library, mounted at ``hub/`` by ``civic_wagtail.urls``.

Pages carry their own sub-URLs (``/library/outcomes.csv``, ``/library/submit/``,
``/resources/<slug>/download/``); this module holds what belongs to no page.
"""

from django.urls import include, path

from civic_wagtail.search.views import old_search

from .api import api_router

app_name = "civic_wagtail_library"

urlpatterns = [
    # The site search moved to /search/ (civic_wagtail.search); old links keep working.
    path("search/", old_search, name="search"),
    path("api/v2/", include((api_router.get_urlpatterns(), "api"), namespace="api")),
]
