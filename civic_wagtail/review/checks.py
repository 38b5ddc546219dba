"""System checks of the review app (IDs ``civic_wagtail_review.E00x``)."""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.utils.translation import gettext as _

from civic_wagtail.conf import civic_settings


@register(Tags.compatibility)
def check_review_settings(app_configs=None, **kwargs):
    errors = []
    criteria = civic_settings.REVIEW_RUBRIC_CRITERIA
    if not criteria or not all(
        isinstance(item, list | tuple) and len(item) == 2 and item[0] for item in criteria
    ):
        errors.append(
            Error(
                _(
                    "CIVIC_WAGTAIL_REVIEW_RUBRIC_CRITERIA must be a non-empty list of "
                    "(key, label) pairs."
                ),
                hint=_("For example: [('evidence', 'Outcomes supported by evidence')]."),
                id="civic_wagtail_review.E001",
            )
        )
    for name in ("REVIEW_DUE_MONTHS", "REVIEW_SCORE_MAX"):
        value = getattr(civic_settings, name)
        if not isinstance(value, int) or value < 1:
            errors.append(
                Error(
                    _("%(setting)s must be a whole number of at least 1 (got %(value)s).")
                    % {"setting": f"CIVIC_WAGTAIL_{name}", "value": repr(value)},
                    hint=_("Set %(setting)s = 12 or remove it to use the default.")
                    % {"setting": f"CIVIC_WAGTAIL_{name}"},
                    id="civic_wagtail_review.E002",
                )
            )
    if not getattr(settings, "WAGTAILADMIN_BASE_URL", ""):
        errors.append(
            Error(
                _(
                    "WAGTAILADMIN_BASE_URL is not set; review emails could not link to the "
                    "submission in the admin."
                ),
                hint=_("Set WAGTAILADMIN_BASE_URL = 'https://www.example.gov'."),
                id="civic_wagtail_review.E003",
            )
        )
    if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
        errors.append(
            Error(
                _("WAGTAIL_WORKFLOW_ENABLED is False; peer review is a Wagtail workflow task."),
                hint=_("Remove WAGTAIL_WORKFLOW_ENABLED = False from your settings."),
                id="civic_wagtail_review.E004",
            )
        )
    finish = getattr(
        settings, "WAGTAIL_FINISH_WORKFLOW_ACTION", "wagtail.workflows.publish_workflow_state"
    )
    if finish == "wagtail.workflows.publish_workflow_state":
        errors.append(
            Warning(
                _(
                    "WAGTAIL_FINISH_WORKFLOW_ACTION is Wagtail's default, which publishes as the "
                    "last reviewer and fails unless every peer reviewer may publish the page."
                ),
                hint=_(
                    "Set WAGTAIL_FINISH_WORKFLOW_ACTION = "
                    "'civic_wagtail.review.workflows.publish_workflow_state'."
                ),
                id="civic_wagtail_review.W001",
            )
        )
    return errors
