"""A site that closed Wagtail's login but left the Django admin's open."""

from django.contrib import admin
from django.urls import include, path
from wagtail.admin import urls as wagtailadmin_urls

from civic_wagtail.members import admin_login

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(admin_login.wagtail_admin_urls)),
    path("admin/", include(wagtailadmin_urls)),
    path("accounts/", include("allauth.urls")),
]
