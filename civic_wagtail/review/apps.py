from django.utils.translation import gettext_lazy as _

from civic_wagtail.apps import FeatureConfig


class ReviewConfig(FeatureConfig):
    """Peer review: a k-of-n workflow task, public review records and re-validation."""

    #: Chosen by Django for this app (the module also holds or imports ``FeatureConfig``).
    default = True

    name = "civic_wagtail.review"
    label = "civic_wagtail_review"
    verbose_name = _("Civic Wagtail review")
    civic_wagtail_requires = ("guardian",)
    #: Moderators and editors follow reviews and the re-validation report.
    civic_wagtail_role_permissions = {
        "moderators": ["view_reviewrecord", "view_reviewdecision", "view_reviewassignment"],
        "editors": ["view_reviewrecord", "view_reviewdecision", "view_reviewassignment"],
    }

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
        from .receivers import connect

        connect()
