"""URLs of the consultation part of the transparency app: the Atom feed and responding."""

from django.urls import path

from civic_wagtail import converters  # noqa: F401 (registers <civic_id:...>)

from . import consultation_views as views
from .feeds import ConsultationFeed, feed_view

urlpatterns = [
    path("consultations/feed.atom", feed_view(ConsultationFeed), name="consultation_feed"),
    path(
        "consultations/<civic_id:page_id>/respond/",
        views.respond,
        name="consultation_respond",
    ),
    path(
        "consultations/response/<str:token>/",
        views.response_by_token,
        name="consultation_response",
    ),
]
