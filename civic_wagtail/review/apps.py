from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    """Peer review: a k-of-n workflow task, public review records and re-validation."""

    name = "civic_wagtail.review"
    label = "civic_wagtail_review"
    verbose_name = _("Civic Wagtail review")
    default_auto_field = "django.db.models.BigAutoField"
    #: Moderators and editors follow reviews and the re-validation report.
    civic_wagtail_role_permissions = {
        "moderators": ["view_reviewrecord", "view_reviewdecision", "view_reviewassignment"],
        "editors": ["view_reviewrecord", "view_reviewdecision", "view_reviewassignment"],
    }

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
        from .receivers import connect

        connect()
