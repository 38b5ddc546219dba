"""The peer-review lifecycle, driven through Wagtail's admin workflow views."""

import pytest
from django.test import override_settings
from wagtail.models import PageLogEntry, TaskState, WorkflowState

from civic_wagtail.review.models import (
    ConflictDeclaration,
    PeerReviewTaskState,
    ReviewDecision,
    ReviewRecord,
    RubricScore,
)

from .conftest import approval_data, succeeded

pytestmark = pytest.mark.django_db


def nothing_recorded():
    return (
        ReviewDecision.objects.count(),
        RubricScore.objects.count(),
        ConflictDeclaration.objects.count(),
        ReviewRecord.objects.count(),
    ) == (0, 0, 0, 0)


def test_submission_starts_a_peer_review_round(submitted):
    state = submitted.state()
    assert isinstance(state, PeerReviewTaskState)
    assert state.approvals_required == 2
    assert state.status == TaskState.STATUS_IN_PROGRESS


def test_reviewer_sees_the_actions_in_the_editor(submitted):
    submitted.client.force_login(submitted.reviewers[0])
    response = submitted.client.get(f"/admin/pages/{submitted.page.pk}/edit/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Request changes" in content
    assert "Declare a conflict of interest" in content


def test_approval_modal_shows_the_rubric(submitted):
    response = submitted.act(submitted.reviewers[0], "approve")
    # A GET renders the modal; a POST without data returns the modal with errors.
    submitted.client.force_login(submitted.reviewers[0])
    state = submitted.state()
    modal = submitted.client.get(
        f"/admin/pages/workflow/action/{submitted.page.pk}/approve/{state.pk}/"
    )
    assert modal.status_code == 200
    html = modal.json()["html"]
    assert "Clear and plain language" in html
    assert "Free of personal data" in html
    assert "no conflict of interest" in html
    assert "Score &#x27;Complete steps&#x27; from 1 to 5." in response.json()["html"]
    assert nothing_recorded()


def test_k_of_n_reviewers_complete_the_review_and_publish(submitted):
    first, second, third = submitted.reviewers
    response = submitted.approve(first, comment="Clear and useful.")
    assert succeeded(response)
    assert not submitted.refresh().live
    assert submitted.state().status == TaskState.STATUS_IN_PROGRESS
    assert ReviewDecision.objects.filter(decision="approve").count() == 1
    assert RubricScore.objects.count() == 5

    submitted.approve(second, score=5)
    page = submitted.refresh()
    assert page.live
    workflow_state = WorkflowState.objects.get()
    assert workflow_state.status == WorkflowState.STATUS_APPROVED
    record = ReviewRecord.objects.get(page=page)
    assert record.reviewer_count == 2
    assert record.reviewer_names == ["Rosa", "Ravi"]
    assert {row["average"] for row in record.rubric_summary} == {4.5}
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish").count() == 1

    # A third reviewer arrives too late: the page is no longer in moderation.
    submitted.client.force_login(third)
    late = submitted.client.post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{workflow_state.current_task_state_id}/",
        approval_data(),
    )
    assert late.status_code == 302
    assert ReviewDecision.objects.count() == 2


def test_request_changes_sends_it_back_and_resubmission_starts_a_new_round(submitted):
    first, second, _third = submitted.reviewers
    submitted.approve(first)
    response = submitted.request_changes(second, comment="Add the opening hours.")
    assert succeeded(response)
    workflow_state = WorkflowState.objects.get()
    assert workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert workflow_state.current_task_state.status == TaskState.STATUS_REJECTED
    decision = ReviewDecision.objects.get(decision="request_changes")
    assert decision.comment == "Add the opening hours."
    assert not submitted.refresh().live

    # The author revises and resubmits through the editor.
    response = submitted.edit(submitted.author, "Permits in a day, with hours", "action-submit")
    assert response.status_code == 302
    workflow_state.refresh_from_db()
    assert workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    new_round = submitted.state()
    assert new_round.pk != decision.task_state_id
    # Approvals of the earlier round do not count; everyone reviews the new text.
    submitted.approve(first)
    assert not submitted.refresh().live
    submitted.approve(second)
    page = submitted.refresh()
    assert page.live
    assert page.title == "Permits in a day, with hours"


def test_self_review_is_refused_and_nothing_is_recorded(submitted):
    # Even an author who is also a reviewer and a moderator cannot review their own work.
    from civic_wagtail import roles

    submitted.author.groups.add(
        roles.get_group(roles.REVIEWERS), roles.get_group(roles.MODERATORS)
    )
    for action, data in [
        ("approve", approval_data()),
        ("reject", {"comment": "x"}),
        ("declare_conflict", {"details": "x"}),
    ]:
        response = submitted.act(submitted.author, action, data)
        assert response.status_code == 403
    assert nothing_recorded()
    assert submitted.state().status == TaskState.STATUS_IN_PROGRESS


def test_refusal_without_xhr_redirects_to_the_dashboard(submitted):
    response = submitted.act(submitted.editor, "approve", approval_data(), xhr=False)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert nothing_recorded()


def test_non_reviewer_is_refused(submitted):
    response = submitted.act(submitted.editor, "approve", approval_data())
    assert response.status_code == 403
    response = submitted.act(submitted.editor, "reject", {"comment": "no"})
    assert response.status_code == 403
    assert nothing_recorded()


def test_moderator_may_act_without_being_a_reviewer(submitted):
    assert succeeded(submitted.act(submitted.moderator, "approve", approval_data()))
    assert ReviewDecision.objects.filter(reviewer=submitted.moderator).count() == 1


def test_double_approval_by_one_reviewer_is_refused(submitted):
    reviewer = submitted.reviewers[0]
    assert succeeded(submitted.approve(reviewer))
    assert submitted.approve(reviewer).status_code == 403
    assert ReviewDecision.objects.filter(reviewer=reviewer).count() == 1
    assert not submitted.refresh().live


def test_declared_conflict_blocks_approval(submitted):
    reviewer = submitted.reviewers[0]
    response = submitted.act(
        reviewer, "declare_conflict", {"details": "I co-wrote the permit process."}
    )
    assert succeeded(response)
    declaration = ConflictDeclaration.objects.get(reviewer=reviewer)
    assert declaration.has_conflict
    assert submitted.approve(reviewer).status_code == 403
    assert submitted.request_changes(reviewer).status_code == 403
    assert not ReviewDecision.objects.exists()


def test_approval_without_the_no_conflict_declaration_is_not_recorded(submitted):
    reviewer = submitted.reviewers[0]
    response = submitted.act(reviewer, "approve", approval_data(no_conflict=False))
    assert response.status_code == 200
    assert "Confirm you have no conflict of interest" in response.json()["html"]
    assert nothing_recorded()


def test_request_changes_needs_a_comment(submitted):
    response = submitted.act(submitted.reviewers[0], "reject", {"comment": ""})
    assert "Tell the author what to change" in response.json()["html"]
    assert submitted.state().status == TaskState.STATUS_IN_PROGRESS
    assert nothing_recorded()


@override_settings(WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT=True)
def test_edit_during_review_resets_approvals(submitted):
    first, second, _third = submitted.reviewers
    submitted.approve(first)
    assert submitted.edit(submitted.author, "Permits in one day").status_code == 302
    submitted.approve(second)
    # Only the approval of the current text counts: one of two.
    assert not submitted.refresh().live
    assert submitted.state().status == TaskState.STATUS_IN_PROGRESS
    # The first reviewer may (and must) approve the edited text again.
    assert succeeded(submitted.approve(first))
    page = submitted.refresh()
    assert page.live
    assert page.title == "Permits in one day"
    assert ReviewRecord.objects.get().reviewer_count == 2


@override_settings(
    WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT=False, CIVIC_WAGTAIL_REVIEW_RESET_ON_EDIT=False
)
def test_edit_keeps_approvals_when_reapproval_is_off(submitted):
    first, second, _third = submitted.reviewers
    submitted.approve(first)
    submitted.edit(submitted.author, "Permits in one day")
    submitted.approve(second)
    assert submitted.refresh().live


@override_settings(
    WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT=False, CIVIC_WAGTAIL_REVIEW_RESET_ON_EDIT=True
)
def test_review_setting_overrides_wagtails(submitted):
    first, second, _third = submitted.reviewers
    submitted.approve(first)
    submitted.edit(submitted.author, "Permits in one day")
    submitted.approve(second)
    assert not submitted.refresh().live


def test_invalid_json_from_the_editor_is_a_400_not_a_500(submitted):
    from django.urls import reverse

    from .conftest import edit_data

    reviewer = submitted.reviewers[0]
    submitted.client.force_login(reviewer)
    data = edit_data(submitted.page)
    data.update(
        {
            "action-workflow-action": "1",
            "workflow-action-name": "approve",
            "workflow-action-extra-data": '{"score__evidence": 9}',
        }
    )
    response = submitted.client.post(
        reverse("wagtailadmin_pages:edit", args=[submitted.page.pk]), data
    )
    assert response.status_code == 400
    assert nothing_recorded()


def test_approval_through_the_editor_counts(submitted):
    import json

    from django.urls import reverse

    from .conftest import edit_data

    for reviewer in submitted.reviewers[:2]:
        submitted.client.force_login(reviewer)
        extra = {key: 4 for key in approval_data() if key.startswith("score__")}
        extra.update({"no_conflict": True, "comment": ""})
        data = edit_data(submitted.page)
        data.update(
            {
                "action-workflow-action": "1",
                "workflow-action-name": "approve",
                "workflow-action-extra-data": json.dumps(extra),
            }
        )
        response = submitted.client.post(
            reverse("wagtailadmin_pages:edit", args=[submitted.page.pk]), data
        )
        assert response.status_code == 302
    assert submitted.refresh().live


def test_reviewers_may_cancel_like_wagtails_own_tasks(submitted):
    # wagtail#11795: user_can_cancel asks the task for the user's actions on a plain Page.
    workflow_state = WorkflowState.objects.get()
    assert workflow_state.user_can_cancel(submitted.reviewers[0])
    assert not workflow_state.user_can_cancel(submitted.editor)
