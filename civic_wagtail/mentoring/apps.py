from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentoringConfig(AppConfig):
    name = "civic_wagtail.mentoring"
    label = "civic_wagtail_mentoring"
    verbose_name = _("Civic Wagtail mentoring")
    default_auto_field = "django.db.models.BigAutoField"
