from django.apps import AppConfig
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _


class CivicWagtailConfig(AppConfig):
    """The core app: settings, system checks, roles and the shared taxonomy."""

    name = "civic_wagtail"
    label = "civic_wagtail"
    verbose_name = _("Civic Wagtail")
    default_auto_field = "django.db.models.BigAutoField"

    def __init__(self, app_name, app_module):
        super().__init__(app_name, app_module)
        from .checks import early_errors

        errors = early_errors(list(settings.INSTALLED_APPS))
        if errors:
            raise ImproperlyConfigured(
                "\n".join(f"{error.id}: {error.msg} HINT: {error.hint}" for error in errors)
            )

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import checks  # noqa: F401  (registers the system checks)
        from .roles import ensure_roles

        post_migrate.connect(ensure_roles, dispatch_uid="civic_wagtail.ensure_roles")
