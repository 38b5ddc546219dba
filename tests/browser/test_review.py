"""A member's submission approved by two reviewers in the admin, then public with its record."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.test import Client
from wagtail.models import Workflow, WorkflowPage, WorkflowTask

from civic_wagtail import roles
from civic_wagtail.review.models import PeerReviewTask, ReviewRecord
from tests.browser.axe import assert_accessible
from tests.factories import member

CRITERIA = ["plain-language", "complete-steps", "evidence", "transferable", "no-personal-data"]


@pytest.fixture
def submission(home_page):
    """A verified member submits a case study through the library's public form."""
    from civic_wagtail.library.models import CaseStudyPage
    from tests.library.helpers import library_index

    author = member(username="maya")
    reviewers = [member(username=n, role_names=[roles.REVIEWERS]) for n in ("rosa", "ravi")]
    # After a transactional test's flush, post_migrate recreates the roles' admin access
    # (tests/test_roles.py); grant it here too so this test does not depend on that order.
    roles.get_group(roles.REVIEWERS).permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    task = PeerReviewTask.objects.create(
        name="Peer review", reviewer_group=roles.get_group(roles.REVIEWERS), approvals_required=2
    )
    workflow = Workflow.objects.create(name="Peer-reviewed publishing")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    library = library_index(home_page)
    WorkflowPage.objects.create(workflow=workflow, page=library)

    client = Client()
    client.force_login(author)
    response = client.post(
        f"{library.url}submit/",
        {
            "title": "Permits in a day",
            "summary": "How one city issues event permits within a working day.",
            "organisation": "Harbour City council",
            "place": "Harbour City",
            "challenge": "Event permits took three weeks.",
            "what_was_done": "One desk, one form, one decision the same day.",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    case_study = CaseStudyPage.objects.get(owner=author)
    assert not case_study.live
    assert case_study.current_workflow_state is not None  # the submission entered review
    return case_study, reviewers


def log_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def approve_in_admin(page, live_server, submission_page):
    page.goto(f"{live_server.url}/admin/pages/{submission_page.pk}/edit/")
    approve = page.locator("button[data-workflow-action-name='approve']")
    if not approve.is_visible():
        page.locator(".w-dropdown-button [data-w-dropdown-target='toggle']").first.click()
    approve.click()
    dialog = page.locator(".modal-dialog").filter(has_text="Free of personal data")
    dialog.wait_for()
    for key in CRITERIA:
        dialog.locator(f"input[name='score__{key}'][value='4']").check()
    dialog.locator("input[name='no_conflict']").check()
    # The modal validates the rubric, then the editor posts the page form with the action:
    # wait for that navigation to finish before looking at the database.
    with page.expect_navigation(url=lambda url: "/edit/" not in url, wait_until="load"):
        dialog.locator("button[type='submit']").click()
    assert "Thank you: your review is recorded." in page.content()
    assert "Sorry, you do not have permission" not in page.content()


def test_two_reviewers_approve_and_the_record_goes_public(page, live_server, submission):
    submission_page, reviewers = submission
    for reviewer in reviewers:
        log_in(page, live_server, reviewer)
        approve_in_admin(page, live_server, submission_page)

    record = ReviewRecord.objects.get(page=submission_page)
    assert record.reviewer_count == 2
    submission_page.refresh_from_db()
    assert submission_page.live
    assert submission_page.title == "Permits in a day"

    page.context.clear_cookies()
    page.goto(f"{live_server.url}{submission_page.url}")
    section = page.locator("section.cw-review-record")
    assert "Peer reviewed by 2 practitioners on" in section.inner_text()
    assert "Rosa, Ravi" in section.inner_text()
    assert section.locator("table caption").inner_text().startswith("Average scores")
    assert_accessible(page)
