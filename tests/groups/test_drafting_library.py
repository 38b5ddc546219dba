"""With the library installed: the pilot log becomes a case study draft in peer review, its
failures in "What did not work" and every contributor credited."""

import datetime
from decimal import Decimal

import pytest
from wagtail.models import WorkflowState

from civic_wagtail.groups import drafting
from civic_wagtail.groups.models import Experiment
from civic_wagtail.library.models import CaseStudyPage
from tests.library.helpers import IndicatorFactory, library_index
from tests.library.test_submission import review_workflow  # noqa: F401 (fixture)

from .conftest import add_member, make_group

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(home_page):
    return library_index(home_page)


def test_the_pilot_log_becomes_a_case_study_in_review(
    library,
    groups_page,
    people,
    review_workflow,  # noqa: F811
):
    from django.test import RequestFactory

    library.save_revision().publish()
    indicator = IndicatorFactory(name="Distance driven", slug="distance-driven")
    lead, member = people["lead"], people["member"]
    group = make_group(lead, "Routes", "members", hypothesis="Sensors cut distance.")
    add_member(group, member)
    day = datetime.date(2026, 3, 1)
    Experiment.objects.create(
        group=group,
        what="Sensors on bins",
        where="North",
        started_on=day,
        result="worked",
        indicator=indicator.slug,
        unit="km",
        baseline=Decimal("100"),
        actual=Decimal("82"),
        author=lead,
    )
    Experiment.objects.create(
        group=group,
        what="Routes on phones",
        where="Old town",
        started_on=day,
        result="failed",
        why="No mobile signal in the old town.",
        author=member,
    )
    request = RequestFactory().post("/groups/routes/pilot/draft/")
    request.user = lead
    page = drafting.draft_from_log(group, lead, request)

    page = CaseStudyPage.objects.get(pk=page.pk)
    assert not page.live
    assert "No mobile signal in the old town." in page.what_did_not_work
    assert "Routes on phones" in page.what_did_not_work
    assert "Sensors on bins" in page.what_was_done
    assert list(page.contributors.all()) == [member]  # the lead owns the page
    assert page.owner == lead
    assert page.outcomes.get().indicator == indicator
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    group.refresh_from_db()
    assert group.draft_page_id == page.pk
