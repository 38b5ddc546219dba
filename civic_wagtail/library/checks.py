"""System checks of the library app."""

from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.utils.translation import gettext as _


@register(Tags.compatibility)
def check_library_settings(app_configs=None, **kwargs):
    errors = []
    for name, check_id in [
        ("wagtail.contrib.routable_page", "civic_wagtail_library.E001"),
        ("wagtail.documents", "civic_wagtail_library.E002"),
        ("wagtail.api.v2", "civic_wagtail_library.E003"),
        ("rest_framework", "civic_wagtail_library.E004"),
    ]:
        if not apps.is_installed(name):
            errors.append(
                Error(
                    _("'%(app)s' is not in INSTALLED_APPS; the library needs it.") % {"app": name},
                    hint=_("Add '%(app)s' to INSTALLED_APPS.") % {"app": name},
                    id=check_id,
                )
            )
    if getattr(settings, "WAGTAILDOCS_SERVE_METHOD", None) not in (None, "serve_view"):
        errors.append(
            Warning(
                _(
                    "WAGTAILDOCS_SERVE_METHOD is not 'serve_view': resource downloads of "
                    "documents in private collections may be served without the collection's "
                    "restriction."
                ),
                hint=_("Set WAGTAILDOCS_SERVE_METHOD = 'serve_view'."),
                id="civic_wagtail_library.W001",
            )
        )
    return errors
