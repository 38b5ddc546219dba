from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "civic_wagtail.library"
    label = "civic_wagtail_library"
    verbose_name = _("Civic Wagtail library")
    default_auto_field = "django.db.models.BigAutoField"
