"""Outcome rows: validation, relative change, direction and translation settings."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from wagtail_localize.fields import SynchronizedField, TranslatableField, get_translatable_fields

from civic_wagtail.library.models import (
    CaseStudyOutcome,
    Indicator,
    PracticeOutcome,
    relative_change,
)


def test_relative_change():
    assert relative_change(Decimal(40), Decimal(30)) == Decimal("-0.25")
    assert relative_change(Decimal(-10), Decimal(-5)) == Decimal("0.5")
    assert relative_change(None, Decimal(3)) is None
    assert relative_change(Decimal(0), Decimal(3)) is None


@pytest.mark.parametrize(
    ("direction", "baseline", "actual", "improved"),
    [("lower", 10, 5, True), ("lower", 5, 10, False), ("higher", 5, 10, True),
     ("higher", 10, 10, False), ("higher", None, 10, None)],
)
def test_improved_follows_the_direction(direction, baseline, actual, improved):
    row = CaseStudyOutcome(
        indicator=Indicator(direction=direction),
        baseline=None if baseline is None else Decimal(baseline),
        actual=Decimal(actual),
    )
    assert row.improved is improved


def test_row_direction_and_unit_override_the_indicator():
    indicator = Indicator(direction="higher", unit="%")
    row = CaseStudyOutcome(indicator=indicator, direction="lower", unit="points")
    assert (row.get_direction(), row.get_unit()) == ("lower", "points")
    row = CaseStudyOutcome(indicator=indicator)
    assert (row.get_direction(), row.get_unit()) == ("higher", "%")


def test_clean_rejects_a_period_that_ends_before_it_starts():
    row = CaseStudyOutcome(actual=Decimal(1), period_start=date(2024, 2, 1),
                           period_end=date(2024, 1, 1))
    with pytest.raises(ValidationError) as error:
        row.clean()
    assert "period_end" in error.value.message_dict


def test_clean_accepts_actual_without_baseline():
    CaseStudyOutcome(actual=Decimal(1)).clean()


@pytest.mark.parametrize("model", [CaseStudyOutcome, PracticeOutcome])
def test_text_is_translated_and_numbers_are_synchronised(model):
    fields = {f.field_name: type(f) for f in get_translatable_fields(model)}
    for name in ("unit", "notes"):
        assert fields[name] is TranslatableField
    for name in ("indicator", "baseline", "target", "actual", "period_start", "period_end",
                 "direction"):
        assert fields[name] is SynchronizedField
