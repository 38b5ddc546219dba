from django.utils.translation import gettext_lazy as _

from civic_wagtail.apps import FeatureConfig


class ImprovementConfig(FeatureConfig):
    """Continuous improvement: self-assessment against competency frameworks, goals with
    measured progress and check-ins, and impact tracking of adopted practices."""

    #: Chosen by Django for this app (the module also holds or imports ``FeatureConfig``).
    default = True

    name = "civic_wagtail.improvement"
    label = "civic_wagtail_improvement"
    verbose_name = _("Civic Wagtail continuous improvement")

    #: Where ``civic_wagtail.urls`` mounts this app's ``urls`` module: only the one-click
    #: unsubscribe link of reminder emails (it must accept a POST without a CSRF token). The
    #: member's pages are routes of the :class:`~.pages.ImprovementPage` in the page tree.
    civic_wagtail_url_prefix = "improvement/"

    civic_wagtail_requires = ("guardian",)

    civic_wagtail_role_permissions = {
        "editors": [
            "add_framework",
            "change_framework",
            "view_framework",
            "add_competencytag",
            "change_competencytag",
            "view_competencytag",
            "delete_competencytag",
        ],
    }

    def ready(self):
        from . import checks  # noqa: F401
