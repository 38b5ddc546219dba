"""Re-validation: due dates, the admin report and the idempotent cron command."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import WorkflowState

from civic_wagtail.review.models import PeerReviewTaskState, ReviewRecord

pytestmark = pytest.mark.django_db


@pytest.fixture
def overdue(submitted):
    first, second, _third = submitted.reviewers
    submitted.approve(first)
    submitted.approve(second)
    ReviewRecord.objects.update(review_due=timezone.localdate() - datetime.timedelta(days=3))
    return submitted


def run():
    out = StringIO()
    call_command("revalidate_reviews", stdout=out)
    return out.getvalue()


def test_command_restarts_overdue_reviews_once(overdue, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        output = run()
    assert "Restarted 1 review(s)" in output
    page = overdue.refresh()
    assert page.live  # still published while it is re-validated
    active = WorkflowState.objects.active().filter(object_id=str(page.pk))
    assert active.count() == 1
    assert active.get().requested_by is None
    owner_mail = [m for m in mail.outbox if overdue.author.email in m.to]
    assert [m.subject for m in owner_mail] == ["Time to re-validate: Permits in a day"]
    reviewer_mail = [m for m in mail.outbox if overdue.reviewers[0].email in m.to]
    assert len(reviewer_mail) == 1

    assert "Restarted 0 review(s)" in run()
    assert WorkflowState.objects.filter(object_id=str(page.pk)).count() == 2  # old + new
    assert PeerReviewTaskState.objects.filter(status="in_progress").count() == 1


def test_dry_run_changes_nothing(overdue):
    out = StringIO()
    call_command("revalidate_reviews", "--dry-run", stdout=out)
    assert "Would restart review of 'Permits in a day'" in out.getvalue()
    assert not WorkflowState.objects.active().exists()


def test_completed_revalidation_gives_a_new_record_and_due_date(overdue):
    run()
    first, second, _third = overdue.reviewers
    overdue.approve(first)
    overdue.approve(second)
    latest = ReviewRecord.objects.latest()
    assert latest.review_due > timezone.localdate()
    assert ReviewRecord.objects.count() == 2
    assert "Restarted 0 review(s)" in run()


def test_records_not_yet_due_are_left_alone(submitted):
    first, second, _third = submitted.reviewers
    submitted.approve(first)
    submitted.approve(second)
    assert "Restarted 0 review(s)" in run()


def test_report_lists_due_and_overdue_content(overdue, client):
    soon = overdue.refresh()
    client.force_login(overdue.moderator)
    response = client.get("/admin/reports/reviews-due/")
    assert response.status_code == 200
    html = response.content.decode()
    assert soon.title in html
    assert "Overdue" in html
    csv = client.get("/admin/reports/reviews-due/?export=csv")
    assert csv.status_code == 200
    assert b"Permits in a day" in b"".join(csv.streaming_content)


def test_report_is_for_moderators_and_editors(overdue, client):
    client.force_login(overdue.reviewers[0])
    response = client.get("/admin/reports/reviews-due/")
    assert response.status_code == 302  # Wagtail's "permission denied" redirect
    client.force_login(overdue.editor)
    assert client.get("/admin/reports/reviews-due/").status_code == 200


@pytest.mark.parametrize("pages", [1, 8])
def test_report_query_count_does_not_grow(overdue, pages, client, django_assert_num_queries):
    from wagtail.models import Page

    record = ReviewRecord.objects.get()
    for n in range(pages - 1):
        page = Page(title=f"Practice {n}", slug=f"practice-{n}")
        overdue.home.add_child(instance=page)
        record.pk = None
        record.task_state = None
        record.page = page
        record.save()
    client.force_login(overdue.moderator)
    client.get("/admin/reports/reviews-due/results/")  # warm caches (content types, menus)
    # session, user, permission check, count, page of records (with pages), 2 for the menu
    with django_assert_num_queries(7):
        response = client.get("/admin/reports/reviews-due/results/")
    assert response.status_code == 200
    assert response.content.decode().count("Overdue") == pages
