"""A URLconf that mounts comments-xtd's views wholesale, for check E005 to refuse."""

from django.urls import include, path

urlpatterns = [
    path("talk/", include([path("comments/", include("django_comments_xtd.urls"))])),
]
