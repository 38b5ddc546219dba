"""A site that serves Wagtail's pages the stock way: its private-page login checks passwords."""

from django.urls import include, path
from wagtail import urls as wagtail_urls

urlpatterns = [
    path("accounts/", include("allauth.urls")),
    path("", include(wagtail_urls)),
]
