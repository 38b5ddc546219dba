from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscussionConfig(AppConfig):
    name = "civic_wagtail.discussion"
    label = "civic_wagtail_discussion"
    verbose_name = _("Civic Wagtail discussion")
    default_auto_field = "django.db.models.BigAutoField"
