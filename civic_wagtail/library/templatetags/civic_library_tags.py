"""Formatting of outcome numbers in the library's templates."""

from decimal import Decimal, InvalidOperation

from django import template
from django.utils.formats import number_format

from ..comparison import as_percent

register = template.Library()


@register.filter
def number(value):
    """A Decimal without trailing zeros, localised (``12.5000`` -> ``12.5``)."""
    if value is None or value == "":
        return ""
    try:
        value = Decimal(value).normalize()
    except (InvalidOperation, TypeError, ValueError):
        return value
    if value == value.to_integral():
        value = value.quantize(Decimal(1))
    return number_format(value, use_l10n=True, force_grouping=True)


@register.filter
def percent(change):
    """A relative change (fraction) as a signed percentage: ``-0.25`` -> ``−25.0%``."""
    value = as_percent(change)
    if value is None:
        return ""
    sign = "+" if value > 0 else ("−" if value < 0 else "")
    return f"{sign}{number_format(abs(value), decimal_pos=1, use_l10n=True)}%"
