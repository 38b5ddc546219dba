"""Acceptance: an adoption tracker turned into a case study enters the library's peer-review
workflow and, once approved, counts in the practice's lineage (the real library hook)."""

from decimal import Decimal

import pytest
from django.test import Client
from wagtail.models import WorkflowState

from civic_wagtail import adoption
from civic_wagtail.improvement.models import AdoptionTracker, Measurement, TrackerIndicator
from civic_wagtail.library.models import CaseStudyPage
from tests.library.helpers import library_index, practice
from tests.library.test_submission import review_workflow  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(home_page):
    return library_index(home_page)


def test_tracker_case_study_enters_review_and_once_approved_counts_in_lineage(
    improvement_page, library, owner, review_workflow  # noqa: F811
):
    origin = practice(library, title="Plain-language letters")
    tracker = AdoptionTracker.objects.create(
        user=owner, practice=origin, title="Plain letters in Lyon", organisation="Lyon council",
        place="Lyon, France", challenge="Letters confused residents.",
    )
    indicator = TrackerIndicator.objects.create(tracker=tracker, name="Calls per month",
                                                unit="calls", baseline=420, target=250)
    Measurement.objects.create(indicator=indicator, value=Decimal("260"))
    assert adoption.adoption_summary(origin.pk).measuring_count == 1

    client = Client()
    client.force_login(owner)
    response = client.post(f"/improvement/trackers/{tracker.pk}/case-study/",
                           {"what_was_done": "Rewrote 40 letters.", "lessons": "Test early."})
    assert response.status_code == 302
    tracker.refresh_from_db()
    page = CaseStudyPage.objects.get(pk=tracker.case_study_id)
    assert not page.live and page.owner == owner
    assert page.adapted_from_id == origin.pk
    [outcome] = page.outcomes.all()
    assert outcome.baseline == 420 and outcome.actual == 260
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    # Submitted: the tracker no longer counts as "measuring"; the case study will.
    assert adoption.adoption_summary(origin.pk).measuring_count == 0
    assert origin.get_adoptions().count() == 0

    page.get_latest_revision().publish()  # what approval does at the end of the workflow
    assert [c.pk for c in origin.get_adoptions()] == [page.pk]
