"""System checks of the transparency app (ids ``civic_wagtail_transparency.*``, documented in
docs/reference/checks.md)."""

from django.core import checks
from django.utils.translation import gettext as _

from civic_wagtail.conf import civic_settings


@checks.register()
def check_budget_bands(app_configs, **kwargs):
    """Budget bands the project list cannot filter by: not four items, or bounds that are
    not numbers, or a lower bound not below the upper one."""
    problems = []
    for band in civic_settings.TRANSPARENCY_BUDGET_BANDS or []:
        try:
            slug, _label, low, high = band
            ok = bool(slug) and all(b is None or float(b) >= 0 for b in (low, high))
            ok = ok and (low is None or high is None or float(low) < float(high))
        except (TypeError, ValueError):
            ok = False
        if not ok:
            problems.append(
                checks.Warning(
                    _(
                        "CIVIC_WAGTAIL_TRANSPARENCY_BUDGET_BANDS has a band the project list "
                        "cannot use: %(band)s."
                    )
                    % {"band": repr(band)},
                    hint=_(
                        "Write each band as (slug, label, lower bound or None, upper bound "
                        "or None), with the lower bound below the upper one."
                    ),
                    id="civic_wagtail_transparency.W101",
                )
            )
    return problems


@checks.register()
def check_ingest_limits(app_configs, **kwargs):
    """Ingest limits that would refuse every batch or write nothing at a time."""
    problems = []
    for name in ("TRANSPARENCY_INGEST_MAX_ROWS", "TRANSPARENCY_INGEST_BATCH_SIZE"):
        value = getattr(civic_settings, name)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            problems.append(
                checks.Warning(
                    _(
                        "%(setting)s is %(value)s: the ingest API and the CSV upload need a "
                        "whole number of at least 1."
                    )
                    % {"setting": f"CIVIC_WAGTAIL_{name}", "value": repr(value)},
                    hint=_(
                        "Set %(setting)s to a positive whole number, or remove it to use the "
                        "default."
                    )
                    % {"setting": f"CIVIC_WAGTAIL_{name}"},
                    id="civic_wagtail_transparency.W102",
                )
            )
    return problems
