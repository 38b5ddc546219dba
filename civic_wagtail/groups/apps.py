from django.utils.translation import gettext_lazy as _

from civic_wagtail.apps import FeatureConfig


class GroupsConfig(FeatureConfig):
    """Working groups: private spaces where public servants run a pilot together and publish
    what they learned, failures included."""

    #: Chosen by Django for this app (the module also holds or imports ``FeatureConfig``).
    default = True

    name = "civic_wagtail.groups"
    label = "civic_wagtail_groups"
    verbose_name = _("Civic Wagtail working groups")
    civic_wagtail_requires = ("guardian",)

    def ready(self):
        from . import checks, receivers  # noqa: F401  (register checks and signal receivers)
