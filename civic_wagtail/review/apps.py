from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "civic_wagtail.review"
    label = "civic_wagtail_review"
    verbose_name = _("Civic Wagtail review")
    default_auto_field = "django.db.models.BigAutoField"
