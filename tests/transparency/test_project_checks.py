"""System checks of the project trackers (W101, W102)."""

from civic_wagtail.transparency.checks import check_budget_bands, check_ingest_limits


def test_defaults_pass():
    assert check_budget_bands(None) == []
    assert check_ingest_limits(None) == []


def test_a_band_with_bounds_upside_down_is_reported(settings):
    settings.CIVIC_WAGTAIL_TRANSPARENCY_BUDGET_BANDS = [("x", "X", 10, 5), ("y", "Y")]
    assert [w.id for w in check_budget_bands(None)] == ["civic_wagtail_transparency.W101"] * 2


def test_a_zero_row_limit_is_reported(settings):
    settings.CIVIC_WAGTAIL_TRANSPARENCY_INGEST_MAX_ROWS = 0
    assert [w.id for w in check_ingest_limits(None)] == ["civic_wagtail_transparency.W102"]
