"""System checks for the mentoring settings (IDs ``civic_wagtail_mentoring.E00x``)."""

from numbers import Number

from django.core.checks import Error, Tags, register
from django.utils.translation import gettext as _

from civic_wagtail.conf import civic_settings

WEIGHT_KEYS = {"topic", "skill", "language", "level", "region"}


@register(Tags.compatibility)
def check_mentoring_settings(app_configs=None, **kwargs):
    errors = []
    weights = civic_settings.MENTORING_MATCH_WEIGHTS
    if not isinstance(weights, dict) or set(weights) != WEIGHT_KEYS or not all(
        isinstance(value, Number) and value >= 0 for value in weights.values()
    ):
        errors.append(
            Error(
                _(
                    "CIVIC_WAGTAIL_MENTORING_MATCH_WEIGHTS must map each of %(keys)s to a "
                    "number of points (0 or more)."
                )
                % {"keys": ", ".join(sorted(WEIGHT_KEYS))},
                hint=_("E.g. {'topic': 3, 'skill': 2, 'language': 2, 'level': 2, 'region': 1}."),
                id="civic_wagtail_mentoring.E001",
            )
        )
    months = civic_settings.MENTORING_DEFAULT_LENGTH_MONTHS
    if not isinstance(months, int) or months < 1:
        errors.append(
            Error(
                _(
                    "CIVIC_WAGTAIL_MENTORING_DEFAULT_LENGTH_MONTHS must be a whole number of "
                    "months, 1 or more."
                ),
                hint=_("Remove the setting to use 6 months."),
                id="civic_wagtail_mentoring.E002",
            )
        )
    limit = civic_settings.MENTORING_MATCH_LIMIT
    if not isinstance(limit, int) or limit < 1:
        errors.append(
            Error(
                _("CIVIC_WAGTAIL_MENTORING_MATCH_LIMIT must be a whole number, 1 or more."),
                hint=_("Remove the setting to suggest 10 mentors."),
                id="civic_wagtail_mentoring.E003",
            )
        )
    return errors
