from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CivicWagtailConfig(AppConfig):
    """The core app: settings, system checks, roles and the shared taxonomy."""

    name = "civic_wagtail"
    label = "civic_wagtail"
    verbose_name = _("Civic Wagtail")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import checks  # noqa: F401  (registers the system checks)
        from .roles import ensure_roles

        post_migrate.connect(ensure_roles, dispatch_uid="civic_wagtail.ensure_roles")
