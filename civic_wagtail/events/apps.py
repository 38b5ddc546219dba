from django.utils.translation import gettext_lazy as _

from civic_wagtail.apps import FeatureConfig


class EventsConfig(FeatureConfig):
    """Event pages, the calendar page, recurrence and exact iCal feeds."""

    #: Chosen by Django for this app (the module also holds or imports ``FeatureConfig``).
    default = True

    name = "civic_wagtail.events"
    label = "civic_wagtail_events"
    verbose_name = _("Civic Wagtail events")

    #: Where ``civic_wagtail.urls`` mounts the site-wide, topic and personal feeds.
    civic_wagtail_url_prefix = "calendar/"
    #: Home-page blocks (:func:`civic_wagtail.blocks.home_page_blocks`).
    civic_wagtail_blocks = [("upcoming_events", "civic_wagtail.events.blocks.UpcomingEventsBlock")]

    def ready(self):
        from . import checks, receivers  # noqa: F401
