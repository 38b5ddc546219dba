from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    """Member profiles, verified membership and the public account pages."""

    name = "civic_wagtail.members"
    label = "civic_wagtail_members"
    verbose_name = _("Civic Wagtail members")
    default_auto_field = "django.db.models.BigAutoField"

    #: Where ``civic_wagtail.urls`` mounts this app's ``urls`` module.
    civic_wagtail_url_prefix = "members/"

    civic_wagtail_role_permissions = {
        "moderators": ["view_memberprofile", "change_memberprofile", "verify_memberprofile"],
        "mentoring_coordinators": ["view_memberprofile"],
    }

    def ready(self):
        from . import checks, receivers  # noqa: F401
