"""Builders for library tests: pages are created the way the admin would, and published."""

from datetime import date
from decimal import Decimal

import factory
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale

from civic_wagtail.library.models import (
    BestPracticePage,
    CaseStudyOutcome,
    CaseStudyPage,
    Indicator,
    LibraryIndexPage,
    PracticeOutcome,
    ResourceIndexPage,
)


class IndicatorFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Indicator {n}")
    slug = factory.Sequence(lambda n: f"indicator-{n}")
    unit = "days"
    direction = "lower"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Indicator


def library_index(home, slug="library"):
    index = LibraryIndexPage(title="Library", slug=slug)
    home.add_child(instance=index)
    return index


def resource_index(home):
    index = ResourceIndexPage(title="Resources", slug="resources")
    home.add_child(instance=index)
    return index


def outcome(model, indicator, baseline=None, actual=None, **kwargs):
    return model(
        indicator=indicator,
        baseline=None if baseline is None else Decimal(str(baseline)),
        actual=None if actual is None else Decimal(str(actual)),
        period_start=kwargs.pop("period_start", date(2022, 1, 1)),
        period_end=kwargs.pop("period_end", date(2023, 12, 31)),
        locale=Locale.get_default(),
        **kwargs,
    )


def practice(index, title="Online permit tracker", topics=(), outcomes=(), **fields):
    """A live practice under ``index``, added the way the admin adds a page."""
    fields.setdefault("slug", None)
    fields["slug"] = fields["slug"] or f"p-{BestPracticePage.objects.count() + 1}"
    page = new_practice(title, topics, outcomes, **fields)
    index.add_child(instance=page)
    return page


def new_practice(title="Online permit tracker", topics=(), outcomes=(), **fields):
    """An unsaved practice: give it to ``index.add_child`` or, for many, to
    :func:`civic_wagtail.bulk.bulk_add_children` (the package's bulk builder)."""
    page = BestPracticePage(
        title=title,
        slug=fields.pop("slug", None) or slugify(title),
        summary=fields.pop("summary", f"{title} summary."),
        problem="<p>Slow permits.</p>",
        approach="<p>Track them online.</p>",
        first_published_at=fields.pop("first_published_at", timezone.now()),
        **fields,
    )
    page.topics.set(list(topics))
    for row in outcomes:
        page.outcomes.add(outcome(PracticeOutcome, *row))
    return page


def case_study(index, practices=(), outcomes=(), topics=(), place="Lyon, France", **fields):
    """A live case study under ``index``, added the way the admin adds a page."""
    n = CaseStudyPage.objects.count() + 1
    page = new_case_study(practices, outcomes, topics, place, n=n, **fields)
    index.add_child(instance=page)
    return page


def new_case_study(practices=(), outcomes=(), topics=(), place="Lyon, France", n=1, **fields):
    """An unsaved case study, numbered ``n`` unless given a title and slug."""
    page = CaseStudyPage(
        title=fields.pop("title", f"Case {n}"),
        slug=fields.pop("slug", f"case-{n}"),
        summary="What happened.",
        organisation="City council",
        place=place,
        challenge="<p>Backlogs.</p>",
        what_was_done="<p>A tracker.</p>",
        first_published_at=fields.pop("first_published_at", timezone.now()),
        **fields,
    )
    page.practices.set(list(practices))
    page.topics.set(list(topics))
    for row in outcomes:
        page.outcomes.add(outcome(CaseStudyOutcome, *row))
    return page
