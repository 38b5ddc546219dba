from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "civic_wagtail.events"
    label = "civic_wagtail_events"
    verbose_name = _("Civic Wagtail events")
    default_auto_field = "django.db.models.BigAutoField"
