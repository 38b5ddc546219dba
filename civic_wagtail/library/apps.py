from django.utils.translation import gettext_lazy as _

from civic_wagtail.apps import FeatureConfig


class LibraryConfig(FeatureConfig):
    """Best-practice library, case studies, resource hub and structured outcomes."""

    #: Chosen by Django for this app (the module also holds or imports ``FeatureConfig``).
    default = True

    name = "civic_wagtail.library"
    label = "civic_wagtail_library"
    verbose_name = _("Civic Wagtail library")
    #: Site search and the open-data API. Not "library/": that is the index page's path.
    civic_wagtail_url_prefix = "hub/"
    #: Home-page blocks (:func:`civic_wagtail.blocks.home_page_blocks`).
    civic_wagtail_blocks = [
        ("latest_practices", "civic_wagtail.library.blocks.LatestPracticesBlock"),
        ("newest_case_studies", "civic_wagtail.library.blocks.NewestCaseStudiesBlock"),
    ]
    civic_wagtail_role_permissions = {
        "editors": ["add_indicator", "change_indicator", "delete_indicator"],
    }

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
