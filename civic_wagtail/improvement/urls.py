"""The one URL of this app outside its page: one-click unsubscribe from reminder emails."""

from django.urls import path

from . import mail_views

app_name = "civic_wagtail_improvement"

urlpatterns = [
    path("unsubscribe/<str:token>/", mail_views.unsubscribe, name="unsubscribe"),
]
