"""The site search, mounted at ``search/`` by :mod:`civic_wagtail.urls`."""

from django.urls import path

from .views import site_search

app_name = "civic_wagtail_search"

urlpatterns = [path("", site_search, name="search")]
