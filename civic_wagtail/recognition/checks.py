"""System checks of the recognition app (ids documented in docs/reference/checks.md)."""

from django.apps import apps
from django.core import checks

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
                    f"CIVIC_WAGTAIL_RECOGNITION_KUDOS_MODELS names {label!r}, which is not an "
                    "installed model.",
                    hint="Use 'app_label.model' of an installed model, or remove it.",
                    id="civic_wagtail_recognition.E001",
                )
            )
    return errors
