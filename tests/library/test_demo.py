"""The library's demo seeder: sizes, variety and idempotency."""

import io

import pytest
from django.core.management import call_command

from civic_wagtail.library.models import (
    BestPracticePage,
    CaseStudyOutcome,
    CaseStudyPage,
    Indicator,
    ResourcePage,
)

pytestmark = pytest.mark.django_db(transaction=True)


def seed(practices):
    call_command("seed_demo", "--practices", str(practices), "--no-progress", stdout=io.StringIO())


def test_seed_demo_creates_varied_outcomes_and_is_idempotent(client):
    seed(8)
    assert BestPracticePage.objects.live().count() == 8
    assert CaseStudyPage.objects.live().count() == 16
    assert ResourcePage.objects.live().count() >= 5
    outcomes = CaseStudyOutcome.objects.all()
    assert outcomes.count() >= 16
    assert outcomes.values("indicator").distinct().count() >= 3
    assert outcomes.filter(baseline__isnull=True).exists() or outcomes.count() < 30
    assert CaseStudyPage.objects.exclude(adapted_from=None).exists()
    snapshot = (Indicator.objects.count(), outcomes.count(), CaseStudyPage.objects.count())

    seed(8)

    assert BestPracticePage.objects.count() == 8
    assert (Indicator.objects.count(), outcomes.count(), CaseStudyPage.objects.count()) == (
        snapshot
    )
    assert client.get("/library/").status_code == 200
    # Bulk-indexed pages are searchable.
    assert client.get("/library/", {"q": "permit"}).context["page_obj"].paginator.count > 0
