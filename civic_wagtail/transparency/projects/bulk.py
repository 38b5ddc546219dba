"""Bulk building of projects with milestones and measurements: the demo seeder, the
benchmarks and the tests' large sizes (1,000 projects) share it. Not for editors' content."""

import datetime
from decimal import Decimal

from civic_wagtail.bulk import bulk_add_children

from ..models import Measurement, Milestone, ProjectPage, ProjectStatus
from .permissions import sync_many

STATUSES = [value for value, _label in ProjectStatus.choices]


def build_project(index, number, organisation, rng, *, currency="EUR", topics=(), **fields):
    """An unsaved project with four milestones (the first ``reached`` of them reached)."""
    planned = Decimal(rng.choice([40_000, 250_000, 800_000, 2_500_000, 12_000_000]))
    committed = (planned * Decimal(rng.randint(30, 100)) / 100).quantize(Decimal("1"))
    spent = (committed * Decimal(rng.randint(0, 100)) / 100).quantize(Decimal("1"))
    values = {
        "title": f"Project {number}",
        "slug": f"project-{number}",
        "status": STATUSES[number % len(STATUSES)],
        "place": "Springfield",
        "budget_planned": planned,
        "budget_committed": committed,
        "budget_spent": spent,
        "currency": currency,
        "funding_source": "Municipal budget",
        **fields,
    }
    page = ProjectPage(organisation=organisation, **values)
    start = datetime.date(2025, 1, 15)
    reached = rng.randint(0, 4)
    milestones = [
        Milestone(
            title=title,
            planned_date=start + datetime.timedelta(days=90 * step),
            actual_date=(start + datetime.timedelta(days=90 * step + rng.randint(-10, 30)))
            if step < reached
            else None,
            sort_order=step,
            locale_id=index.locale_id,
        )
        for step, title in enumerate(["Design", "Procurement", "Works", "Evaluation"])
    ]
    page.milestones = milestones
    page.progress = page.compute_progress(milestones)
    if topics:
        page.topics = list(topics)
    return page


def bulk_add_projects(index, pages):
    """Add the projects built by :func:`build_project` under ``index``, with their
    milestones, topics and ingest permissions, in a few statements per thousand."""
    for page in pages:
        page.locale_id = index.locale_id
    bulk_add_children(index, pages)
    sync_many(pages)
    return pages


def monthly_series(project, indicator, start, months, first, step, rng, unit="", source=""):
    """Unsaved :class:`Measurement` rows: one value a month, drifting by ``step``."""
    rows, value = [], Decimal(first)
    for month in range(months):
        year, index = divmod(start.month - 1 + month, 12)
        day = datetime.date(start.year + year, index + 1, 1)
        rows.append(
            Measurement(
                project=project,
                indicator=indicator,
                date=day,
                value=value.quantize(Decimal("0.01")),
                unit=unit,
                source=source,
            )
        )
        value += Decimal(step) + Decimal(rng.randint(-100, 100)) / 100
    return rows
