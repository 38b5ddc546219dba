"""Outcome comparison: what the case studies that applied a practice report, per indicator.

One query fetches every outcome row of the live, public case studies that applied the
practice (with indicator and page joined); one pass groups them by indicator. The median
and range of the relative change are computed on the comparable rows only.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from statistics import median

from .models import CaseStudyOutcome, CaseStudyPage


@dataclass
class IndicatorComparison:
    """The reports on one indicator: every row, and statistics over the comparable ones."""

    indicator: object
    outcomes: list = field(default_factory=list)
    changes: list = field(default_factory=list)

    @property
    def case_count(self):
        """Number of distinct case studies reporting this indicator."""
        return len({outcome.page_id for outcome in self.outcomes})

    @property
    def comparable_count(self):
        return len(self.changes)

    @property
    def median_change(self):
        return median(self.changes) if self.changes else None

    @property
    def min_change(self):
        return min(self.changes) if self.changes else None

    @property
    def max_change(self):
        return max(self.changes) if self.changes else None


def outcome_rows_for_practice(practice):
    """Outcome rows of the live, public case studies that applied ``practice``."""
    # Case studies point at the practice's source page: a translation compares the same ones.
    cases = (
        CaseStudyPage.objects.live()
        .public()
        .filter(practices__translation_key=practice.translation_key)
        .values("pk")
    )
    return (
        CaseStudyOutcome.objects.filter(page__in=cases)
        .select_related("indicator", "page")
        .only(
            "page__title",
            "page__url_path",
            "page__place",
            "page__organisation",
            "indicator__name",
            "indicator__slug",
            "indicator__unit",
            "indicator__direction",
            "unit",
            "direction",
            "baseline",
            "target",
            "actual",
            "period_start",
            "period_end",
            "page_id",
            "indicator_id",
            "sort_order",
        )
        .order_by("indicator__name", "page__place", "page_id", "sort_order")
    )


def compare(rows):
    """Group outcome ``rows`` by indicator in one pass; returns a list of comparisons."""
    groups = {}
    for outcome in rows:
        group = groups.get(outcome.indicator_id)
        if group is None:
            group = groups[outcome.indicator_id] = IndicatorComparison(outcome.indicator)
        group.outcomes.append(outcome)
        change = outcome.relative_change
        if change is not None:
            group.changes.append(change)
    return list(groups.values())


def compare_outcomes(practice):
    """The comparison shown on a practice page (one query, whatever the number of cases)."""
    return compare(outcome_rows_for_practice(practice))


def as_percent(change):
    """A relative change as a percentage rounded to one decimal, for templates and CSV."""
    if change is None:
        return None
    return (Decimal(change) * 100).quantize(Decimal("0.1"))
