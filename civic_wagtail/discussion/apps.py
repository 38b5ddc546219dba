from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscussionConfig(AppConfig):
    """Forums by topic, comment threads on pages (django-comments-xtd) and moderation."""

    name = "civic_wagtail.discussion"
    label = "civic_wagtail_discussion"
    verbose_name = _("Civic Wagtail discussion")
    default_auto_field = "django.db.models.BigAutoField"

    #: Where ``civic_wagtail.urls`` mounts this app's ``urls`` module.
    civic_wagtail_url_prefix = "discussion/"

    civic_wagtail_role_permissions = {
        "moderators": [
            "moderate_discussion",
            "view_postingblock",
            "add_postingblock",
            "change_postingblock",
            "delete_postingblock",
        ],
    }

    def ready(self):
        from . import checks, receivers  # noqa: F401
