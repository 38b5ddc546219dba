from django.urls import path

from civic_wagtail import converters  # noqa: F401 (registers <civic_id:...>)

from . import views

app_name = "civic_wagtail_recognition"

urlpatterns = [
    path("issuer.json", views.issuer, name="issuer"),
    path("badges/<slug:slug>.json", views.badge_class, name="badge_class"),
    path("badges/<slug:slug>/image.png", views.badge_image, name="badge_image"),
    path("assertions/<uuid:uid>.json", views.assertion, name="assertion"),
    path("assertions/<uuid:uid>/", views.award_detail, name="award"),
    path("assertions/<uuid:uid>/badge.png", views.baked_image, name="baked_image"),
    path("top/", views.top_index, name="top_index"),
    path("top/<slug:topic>/", views.top_topic, name="top_topic"),
    path("kudos/<str:label>/<civic_id:pk>/", views.kudos, name="kudos"),
]
