from django.apps import AppConfig
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _


class FeatureConfig(AppConfig):
    """Base of the feature apps' configs: names the apps a feature cannot even load without.

    Problems are reported by system checks (``manage.py check``). A missing app that the
    feature's models or signal receivers import is the one case Django cannot get past: model
    loading would crash with a RuntimeError that names neither the setting nor the fix. Then,
    and only then, loading stops with the system check's own error (id, message and hint). So
    does a library of the feature's pip extra (``civic_wagtail.features``) that is not installed.
    """

    default_auto_field = "django.db.models.BigAutoField"

    #: Apps imported by this feature's models or receivers (checked in ``import_models``).
    civic_wagtail_requires = ()

    def import_models(self):
        from .checks import missing_app_errors, missing_module_errors
        from .features import feature

        extra = feature(self.name)
        errors = missing_module_errors(extra) + missing_app_errors(
            self.civic_wagtail_requires, extra
        )
        if errors:
            raise ImproperlyConfigured(
                f"{self.name} cannot load: "
                + "\n".join(f"{error.id}: {error.msg} HINT: {error.hint}" for error in errors)
            )
        super().import_models()


class CivicWagtailConfig(AppConfig):
    """The core app: settings, system checks, roles and the shared taxonomy."""

    #: Chosen by Django for this app (the module also holds or imports ``FeatureConfig``).
    default = True

    name = "civic_wagtail"
    label = "civic_wagtail"
    verbose_name = _("Civic Wagtail")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.core.signals import setting_changed
        from django.db.models.signals import post_delete, post_migrate, post_save

        from . import checks  # noqa: F401  (registers the system checks)
        from .blocks import purge_on_change
        from .conf import civic_settings
        from .page_cache_receivers import connect as connect_page_cache
        from .roles import ensure_roles

        post_migrate.connect(ensure_roles, dispatch_uid="civic_wagtail.ensure_roles")
        from .accounts import connect as connect_accounts

        connect_accounts()
        connect_page_cache()
        # Listing blocks forget their cached rendering when a row they show changes.
        post_save.connect(purge_on_change, dispatch_uid="civic_wagtail.blocks.saved")
        post_delete.connect(purge_on_change, dispatch_uid="civic_wagtail.blocks.deleted")
        # Tests that change INSTALLED_APPS see the defaults of the apps they install.
        setting_changed.connect(civic_settings.reload, dispatch_uid="civic_wagtail.conf.reload")
