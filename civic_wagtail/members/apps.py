from django.utils.translation import gettext_lazy as _

from civic_wagtail.apps import FeatureConfig


class MembersConfig(FeatureConfig):
    """Member profiles, verified membership and the public account pages."""

    #: Chosen by Django for this app (the module also holds or imports ``FeatureConfig``).
    default = True

    name = "civic_wagtail.members"
    label = "civic_wagtail_members"
    verbose_name = _("Civic Wagtail members")

    #: Where ``civic_wagtail.urls`` mounts this app's ``urls`` module.
    civic_wagtail_url_prefix = "members/"

    civic_wagtail_role_permissions = {
        "moderators": ["view_memberprofile", "change_memberprofile", "verify_memberprofile"],
        # The pending-member page promises that "a coordinator will review": they verify.
        "mentoring_coordinators": [
            "view_memberprofile", "change_memberprofile", "verify_memberprofile"
        ],
    }

    def ready(self):
        from . import checks, receivers  # noqa: F401
