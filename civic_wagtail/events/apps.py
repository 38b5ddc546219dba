from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Event pages, the calendar page, recurrence and exact iCal feeds."""

    name = "civic_wagtail.events"
    label = "civic_wagtail_events"
    verbose_name = _("Civic Wagtail events")
    default_auto_field = "django.db.models.BigAutoField"

    #: Where ``civic_wagtail.urls`` mounts the site-wide, topic and personal feeds.
    civic_wagtail_url_prefix = "calendar/"

    def ready(self):
        from . import checks, receivers  # noqa: F401
