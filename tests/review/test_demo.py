"""The demo seeder: workflow on /library/, two thirds reviewed, every other state, idempotent."""

import random
from io import StringIO

import pytest
from django.core.management.base import OutputWrapper
from wagtail.models import Page, Workflow, WorkflowPage, WorkflowState

from civic_wagtail import roles
from civic_wagtail.review.demo import ReviewSeeder
from civic_wagtail.review.models import ReviewRecord
from civic_wagtail.seeding import SeedContext
from tests.factories import member

pytestmark = pytest.mark.django_db


def context(home):
    users = {
        "reviewers": [member(username=f"rev{n}", role_names=[roles.REVIEWERS]) for n in range(3)],
        "moderators": [member(username="mod", role_names=[roles.MODERATORS])],
        "members": [member(username="writer")],
    }
    return SeedContext(
        options={"no_progress": True},
        stdout=OutputWrapper(StringIO()),
        rng=random.Random(1),
        shared={"home": home, "users": users},
    )


def test_without_a_library_the_workflow_is_still_created(home_page):
    ReviewSeeder().seed(context(home_page))
    assert Workflow.objects.filter(name="Peer-reviewed publishing").exists()
    assert not WorkflowPage.objects.filter(workflow__name="Peer-reviewed publishing").exists()


def test_library_content_is_put_in_every_state(home_page, django_capture_on_commit_callbacks):
    from django.core import mail

    ctx = context(home_page)
    writer = ctx.shared["users"]["members"][0]
    library = Page(title="Library", slug="library")
    home_page.add_child(instance=library)
    library.save_revision().publish()
    for n in range(10):
        page = Page(title=f"Practice {n}", slug=f"practice-{n}", owner=writer)
        library.add_child(instance=page)
        page.save_revision(user=writer).publish()
    with django_capture_on_commit_callbacks(execute=True):
        ReviewSeeder().seed(ctx)
    assert mail.outbox == []
    assert WorkflowPage.objects.get(page=library).workflow.name == "Peer-reviewed publishing"
    statuses = sorted(WorkflowState.objects.values_list("status", flat=True))
    # Seven of ten pass peer review (one overdue), one in review, one sent back, one left.
    assert statuses == ["approved"] * 7 + ["in_progress", "needs_changes"]
    records = ReviewRecord.objects.all()
    assert records.count() == 7
    assert sum(record.is_overdue for record in records) == 1
    assert not Page.objects.get(slug="practice-7").workflow_states.exists()

    ReviewSeeder().seed(ctx)  # idempotent
    assert WorkflowState.objects.count() == 9
    assert ReviewRecord.objects.count() == 7
    assert Workflow.objects.filter(name="Peer-reviewed publishing").count() == 1
