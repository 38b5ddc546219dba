from django.utils.translation import gettext_lazy as _

from civic_wagtail.apps import FeatureConfig


class RecognitionConfig(FeatureConfig):
    """Badges awarded by rules or by editors, "This helped me", Open Badges 2.0 assertions."""

    #: Chosen by Django for this app (the module also holds or imports ``FeatureConfig``).
    default = True

    name = "civic_wagtail.recognition"
    label = "civic_wagtail_recognition"
    verbose_name = _("Civic Wagtail recognition")

    #: Where ``civic_wagtail.urls`` mounts this app's ``urls`` module.
    civic_wagtail_url_prefix = "recognition/"

    civic_wagtail_role_permissions = {
        "editors": [
            "add_award",
            "change_award",
            "view_award",
            "add_badge",
            "change_badge",
            "view_badge",
        ],
    }

    def ready(self):
        from . import checks, receivers  # noqa: F401

        receivers.connect_watched_models()
