from django.utils.translation import gettext_lazy as _

from civic_wagtail.apps import FeatureConfig


class DiscussionConfig(FeatureConfig):
    """Forums by topic, comment threads on pages (django-comments-xtd) and moderation."""

    #: Chosen by Django for this app (the module also holds or imports ``FeatureConfig``).
    default = True

    name = "civic_wagtail.discussion"
    label = "civic_wagtail_discussion"
    verbose_name = _("Civic Wagtail discussion")
    civic_wagtail_requires = ("django.contrib.sites", "django_comments", "django_comments_xtd")

    #: Where ``civic_wagtail.urls`` mounts this app's ``urls`` module.
    civic_wagtail_url_prefix = "discussion/"
    #: Home-page blocks (:func:`civic_wagtail.blocks.home_page_blocks`).
    civic_wagtail_blocks = [
        ("active_discussions", "civic_wagtail.discussion.blocks.ActiveDiscussionsBlock")
    ]

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
