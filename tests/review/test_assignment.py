"""Automatic assignment: topic experts and the least loaded first; object permissions."""

import pytest
from guardian.models import UserObjectPermission
from wagtail.models import Page

from civic_wagtail.members.models import get_profile
from civic_wagtail.review import assignment
from civic_wagtail.review.models import (
    ReviewAssignment,
    ReviewDecision,
    ReviewerObjectPermission,
)
from tests.factories import TopicFactory

from .conftest import succeeded

pytestmark = pytest.mark.django_db


@pytest.fixture
def assigning(site):
    site.task.reviewers_to_assign = 2
    site.task.save()
    return site


def open_assignment_elsewhere(site, reviewer):
    other = Page(title="Other", slug="other", live=False, owner=site.author)
    site.home.add_child(instance=other)
    other.save_revision(user=site.author)
    site.task.reviewers_to_assign = 0
    site.task.save()
    state = site.workflow.start(other, site.author).current_task_state
    ReviewAssignment.objects.create(task_state_id=state.pk, reviewer=reviewer, reason="load")
    site.task.reviewers_to_assign = 2
    site.task.save()


def assigned(site):
    return set(
        ReviewAssignment.objects.filter(
            task_state=site.state(), ended_at__isnull=True
        ).values_list("reviewer__username", flat=True)
    )


def test_least_loaded_reviewers_are_assigned(assigning):
    rosa, ravi, rhea = assigning.reviewers
    open_assignment_elsewhere(assigning, rosa)
    assigning.submit()
    assert assigned(assigning) == {"ravi", "rhea"}
    state = assigning.state()
    assert ravi.has_perm("civic_wagtail_review.review_peerreviewtaskstate", state)
    assert not rosa.has_perm("civic_wagtail_review.review_peerreviewtaskstate", state)


def test_topic_experts_are_preferred(assigning):
    """A real practice page with topics, submitted as a draft revision: the topics are read
    from the submitted revision and the expert is chosen over less loaded reviewers."""
    from tests.library.helpers import library_index, practice

    rosa, ravi, rhea = assigning.reviewers
    permits, waste = TopicFactory(slug="permits"), TopicFactory(slug="waste")
    get_profile(rhea).topics.add(permits)
    get_profile(ravi).topics.add(TopicFactory(slug="parks"))
    open_assignment_elsewhere(assigning, rhea)  # the most loaded reviewer
    draft = practice(
        library_index(assigning.home), "Permits in a day", topics=[permits, waste], live=False
    )
    draft.owner = assigning.author
    draft.save_revision(user=assigning.author)
    assigning.submit(draft)
    rows = ReviewAssignment.objects.filter(task_state=assigning.state(draft))
    assert {(row.reviewer.username, row.reason) for row in rows} == {
        ("rhea", ReviewAssignment.Reason.EXPERTISE),
        ("rosa", ReviewAssignment.Reason.LOAD),
    }
    assert sorted(assignment._topic_ids(assigning.state(draft))) == sorted([permits.pk, waste.pk])


def test_only_assigned_reviewers_and_moderators_can_act(assigning):
    rosa, ravi, rhea = assigning.reviewers
    open_assignment_elsewhere(assigning, rosa)
    assigning.submit()
    assert assigning.approve(rosa).status_code == 403
    assert not ReviewDecision.objects.filter(reviewer=rosa).exists()
    assert succeeded(assigning.approve(ravi))
    assert succeeded(assigning.approve(assigning.moderator))
    assert assigning.refresh().live


def test_permissions_are_removed_when_the_round_ends(assigning):
    assigning.submit()
    state = assigning.state()
    assert ReviewerObjectPermission.objects.filter(content_object=state).count() == 2
    first, second = ReviewAssignment.objects.filter(task_state=state).order_by("pk")
    assigning.approve(first.reviewer)
    assigning.approve(second.reviewer)
    assert assigning.refresh().live
    assert not ReviewerObjectPermission.objects.exists()
    assert not ReviewAssignment.objects.filter(ended_at__isnull=True).exists()


def test_same_reviewers_review_the_resubmission(assigning):
    assigning.submit()
    first_round = assigning.state()
    before = set(
        ReviewAssignment.objects.filter(task_state=first_round).values_list("reviewer", flat=True)
    )
    reviewer = ReviewAssignment.objects.filter(task_state=first_round).first().reviewer
    assigning.request_changes(reviewer)
    assert not ReviewerObjectPermission.objects.exists()
    assigning.edit(assigning.author, "Permits, revised", "action-submit")
    second_round = assigning.state()
    after = ReviewAssignment.objects.filter(task_state=second_round)
    assert set(after.values_list("reviewer", flat=True)) == before
    assert set(after.values_list("reason", flat=True)) == {"previous_round"}


def test_declaring_a_conflict_hands_the_review_to_another_reviewer(assigning):
    rosa, ravi, rhea = assigning.reviewers
    open_assignment_elsewhere(assigning, rosa)
    assigning.submit()
    response = assigning.act(ravi, "declare_conflict", {"details": "Former colleague."})
    assert succeeded(response)
    assert assigned(assigning) == {"rosa", "rhea"}
    assert not ravi.has_perm("civic_wagtail_review.review_peerreviewtaskstate", assigning.state())


def test_deleting_the_page_leaves_no_permission_rows(assigning):
    assigning.submit()
    assert ReviewerObjectPermission.objects.count() == 2
    assigning.page.delete()
    assert not ReviewerObjectPermission.objects.exists()
    assert not UserObjectPermission.objects.exists()
    assert not ReviewAssignment.objects.exists()


@pytest.mark.parametrize("extra_reviewers", [0, 12])
def test_ranking_is_one_query_for_any_group_size(
    assigning, monkeypatch, django_assert_num_queries, extra_reviewers
):
    from civic_wagtail import roles
    from tests.factories import member

    for n in range(extra_reviewers):
        member(username=f"extra{n}", role_names=[roles.REVIEWERS])
    assigning.submit()
    state = assigning.state()
    topic = TopicFactory()
    monkeypatch.setattr(assignment, "_topic_ids", lambda state: [topic.pk])
    with django_assert_num_queries(1):
        ranked = list(assignment.rank_candidates(assigning.task, state))
    assert len(ranked) == 3 + extra_reviewers


def test_a_deactivated_reviewer_is_replaced_and_loses_access(assigning):
    rosa, ravi, rhea = assigning.reviewers
    open_assignment_elsewhere(assigning, rosa)
    assigning.submit()
    assert assigned(assigning) == {"ravi", "rhea"}
    ravi.is_active = False
    ravi.save()
    assert assigned(assigning) == {"rosa", "rhea"}
    assert not ReviewerObjectPermission.objects.filter(user=ravi).exists()
    assert ReviewerObjectPermission.objects.filter(user=rosa, content_object=assigning.state())
