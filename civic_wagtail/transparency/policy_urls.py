"""URLs of the policy part of the transparency app: Atom feeds and email alerts."""

from django.urls import path

from . import alerts
from .feeds import PolicyFeed, TopicFeed, feed_view

urlpatterns = [
    path("policy/feed.atom", feed_view(PolicyFeed), name="policy_feed"),
    path("policy/topics/<slug:slug>.atom", feed_view(TopicFeed), name="policy_topic_feed"),
    path("policy/alerts/subscribe/", alerts.subscribe, name="alert_subscribe"),
    path("policy/alerts/confirm/<str:token>/", alerts.confirm, name="alert_confirm"),
    path("policy/alerts/unsubscribe/<str:token>/", alerts.unsubscribe, name="alert_unsubscribe"),
]
