"""Re-validation when the page or its workflow changed since the review: a page already in a
workflow, a workflow switched off or taken off the subtree, a page imported without revisions."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, Workflow, WorkflowPage, WorkflowState

from civic_wagtail.review.models import ReviewRecord

pytestmark = pytest.mark.django_db
PAST = timezone.localdate() - datetime.timedelta(days=3)


@pytest.fixture
def overdue(submitted):
    first, second, _third = submitted.reviewers
    submitted.approve(first)
    submitted.approve(second)
    ReviewRecord.objects.update(review_due=PAST)
    return submitted


def run():
    out = StringIO()
    call_command("revalidate_reviews", stdout=out)
    return out.getvalue()


def active_states(page):
    return WorkflowState.objects.active().filter(object_id=str(page.pk))


def test_a_page_already_in_a_workflow_is_skipped_and_left_as_it_is(overdue):
    page = overdue.refresh()
    overdue.submit(page)
    output = run()
    assert f"Skipped 'Permits in a day' (page {page.pk}): already in a workflow" in output
    assert "Restarted 0 review(s); 1 skipped." in output
    assert active_states(page).count() == 1
    assert ReviewRecord.objects.get().revalidation_started_at is None


def test_no_workflow_is_restarted_once_every_workflow_is_switched_off(overdue):
    Workflow.objects.update(active=False)
    output = run()
    assert "no active workflow applies to this page" in output
    assert not active_states(overdue.page).exists()
    assert ReviewRecord.objects.get().revalidation_started_at is None


def test_the_reviewed_workflow_restarts_after_it_was_taken_off_the_subtree(
    overdue, django_capture_on_commit_callbacks
):
    WorkflowPage.objects.all().delete()
    assert overdue.refresh().get_workflow() is None
    with django_capture_on_commit_callbacks(execute=True):
        output = run()
    assert "Restarted 1 review(s); 0 skipped." in output
    assert active_states(overdue.page).get().workflow == overdue.workflow
    assert ReviewRecord.objects.get().revalidation_started_at is not None


def test_a_page_imported_without_revisions_gets_one_before_its_workflow(
    site, django_capture_on_commit_callbacks
):
    imported = Page(title="Imported guide", slug="imported-guide")
    site.home.add_child(instance=imported)
    assert imported.get_latest_revision() is None
    ReviewRecord.objects.create(
        page=imported, reviewed_at=timezone.now() - datetime.timedelta(days=400),
        review_due=PAST, reviewer_count=2,
    )
    with django_capture_on_commit_callbacks(execute=True):
        output = run()
    assert f"Restarted review of 'Imported guide' (page {imported.pk})" in output
    imported.refresh_from_db()
    assert imported.get_latest_revision() is not None
    assert active_states(imported).get().workflow == site.workflow
