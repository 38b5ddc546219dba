"""Builders for library tests: pages are created the way the admin would, and published."""

from datetime import date
from decimal import Decimal

import factory
from django.utils import timezone
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
    page = BestPracticePage(
        title=title,
        slug=fields.pop("slug", None) or f"p-{BestPracticePage.objects.count() + 1}",
        summary=fields.pop("summary", f"{title} summary."),
        problem="<p>Slow permits.</p>",
        approach="<p>Track them online.</p>",
        first_published_at=fields.pop("first_published_at", timezone.now()),
        **fields,
    )
    page.topics.set(list(topics))
    for row in outcomes:
        page.outcomes.add(outcome(PracticeOutcome, *row))
    index.add_child(instance=page)
    return page


def case_study(index, practices=(), outcomes=(), topics=(), place="Lyon, France", **fields):
    n = CaseStudyPage.objects.count() + 1
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
    index.add_child(instance=page)
    return page
