"""URLs of the transparency app, one module per part (the pages are in the page tree)."""

from . import consultation_urls, policy_urls, project_urls

app_name = "civic_wagtail_transparency"

urlpatterns = [
    *policy_urls.urlpatterns,
    *consultation_urls.urlpatterns,
    *project_urls.urlpatterns,
]
