from django.utils.translation import gettext_lazy as _

from civic_wagtail.apps import FeatureConfig


class TransparencyConfig(FeatureConfig):
    """For citizens: policy updates with live feeds and email alerts, project trackers with
    open data, and public consultations that publish what was heard and what will be done."""

    #: Chosen by Django for this app (the module also holds or imports ``FeatureConfig``).
    default = True

    name = "civic_wagtail.transparency"
    label = "civic_wagtail_transparency"
    verbose_name = _("Civic Wagtail transparency")

    #: Where ``civic_wagtail.urls`` mounts this app's ``urls`` module (feeds, alerts, the
    #: ingest API and open data; the pages themselves live in the page tree).
    civic_wagtail_url_prefix = "transparency/"
    #: Moderators work the queue of consultation responses (approve, or mark as spam).
    civic_wagtail_role_permissions = {"moderators": ["view_respondent", "change_respondent"]}

    def ready(self):
        from . import checks, receivers  # noqa: F401
        from .projects import receivers as project_receivers  # noqa: F401
