"""System checks of the recognition app (ids documented in docs/reference/checks.md)."""

from django.apps import apps
from django.core import checks
from django.utils.translation import gettext as _

from civic_wagtail.conf import civic_settings


@checks.register()
def check_kudos_models(app_configs, **kwargs):
    """A model of an installed app that does not exist (a typo). Models of apps the site left
    out are skipped: the default lists every kind of item the package can show kudos on."""
    errors = []
    for label in civic_settings.RECOGNITION_KUDOS_MODELS or []:
        app_label = str(label).partition(".")[0]
        if app_label and not any(c.label == app_label for c in apps.get_app_configs()):
            continue
        try:
            apps.get_model(label)
        except (LookupError, ValueError):
            errors.append(
                checks.Error(
                    _(
                        "CIVIC_WAGTAIL_RECOGNITION_KUDOS_MODELS names %(model)s, which is not an "
                        "installed model."
                    )
                    % {"model": repr(label)},
                    hint=_("Use 'app_label.model' of an installed model, or remove it."),
                    id="civic_wagtail_recognition.E001",
                )
            )
    return errors
