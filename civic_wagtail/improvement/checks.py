"""System checks of the improvement settings (ids ``civic_wagtail_improvement.E00x``,
documented in docs/reference/checks.md)."""

from numbers import Number

from django.core.checks import Error, Tags, register
from django.utils.translation import gettext as _

from civic_wagtail.conf import civic_settings


@register(Tags.compatibility)
def check_improvement_settings(app_configs=None, **kwargs):
    errors = []
    threshold = civic_settings.IMPROVEMENT_TEAM_MIN_RESPONSES
    if not isinstance(threshold, int) or isinstance(threshold, bool) or threshold < 2:
        errors.append(
            Error(
                _(
                    "CIVIC_WAGTAIL_IMPROVEMENT_TEAM_MIN_RESPONSES must be a whole number, 2 or "
                    "more: below that a team lead would see one person's results."
                ),
                hint=_("Remove the setting to use 5."),
                id="civic_wagtail_improvement.E001",
            )
        )
    models = civic_settings.IMPROVEMENT_RECOMMENDATION_MODELS
    if not isinstance(models, dict) or not all(
        isinstance(value, str) and value.count(".") == 1 for value in models.values()
    ):
        errors.append(
            Error(
                _(
                    "CIVIC_WAGTAIL_IMPROVEMENT_RECOMMENDATION_MODELS must map a kind to an "
                    "'app_label.Model' string."
                ),
                hint=_("E.g. {'practice': 'civic_wagtail_library.BestPracticePage'}."),
                id="civic_wagtail_improvement.E002",
            )
        )
    margin = civic_settings.IMPROVEMENT_AT_RISK_MARGIN
    if not isinstance(margin, Number) or not 0 <= margin < 1:
        errors.append(
            Error(
                _(
                    "CIVIC_WAGTAIL_IMPROVEMENT_AT_RISK_MARGIN must be a number from 0 to 1 "
                    "(a share of the goal's time)."
                ),
                hint=_("Remove the setting to use 0.15."),
                id="civic_wagtail_improvement.E003",
            )
        )
    return errors
