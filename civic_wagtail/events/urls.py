from django.urls import path

from civic_wagtail import converters  # noqa: F401 (registers <civic_id:...>)

from . import views

app_name = "civic_wagtail_events"

urlpatterns = [
    path("all.ics", views.site_feed, name="site_feed"),
    path("<slug:lang>/all.ics", views.site_feed, name="site_feed_lang"),
    path("topics/<slug:slug>.ics", views.topic_feed, name="topic_feed"),
    path("<slug:lang>/topics/<slug:slug>.ics", views.topic_feed, name="topic_feed_lang"),
    path("member/<slug:token>.ics", views.member_feed, name="member_feed"),
    path("member/reset/", views.reset_token, name="reset_token"),
    path("attend/<civic_id:page_id>/", views.attend, name="attend"),
]
