"""Previewing drafts: every page type of the package renders from a revision.

A preview renders the page that a revision holds, whose ParentalKey and ParentalManyToMany
relations live in memory (modelcluster's FakeQuerySet), not in the database. Editors preview
through "view draft"; reviewers through the workflow preview of the task they act on.
"""

import pytest
from django.urls import reverse
from wagtail.models import Page, Workflow, WorkflowPage, WorkflowTask

from civic_wagtail import roles
from civic_wagtail.library.models import CaseStudyOutcome, PracticeOutcome
from civic_wagtail.review.models import PeerReviewTask
from tests.factories import member
from tests.library.helpers import outcome
from tests.pages import every_page_type, package_page_types

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home_page):
    return every_page_type(home_page)


def draft(page, pages):
    """Save a draft whose relations differ from the live page's, as an editor's edit does."""
    page.title = f"{page.title} (draft)"
    if hasattr(page, "related_practices"):
        page.related_practices = [pages["second"]]
        page.outcomes.add(outcome(PracticeOutcome, pages["indicator"], 3, 1))
    if hasattr(page, "practices"):
        page.practices = [pages["first"], pages["second"]]
        page.adapted_from = pages["first"]
        page.outcomes.add(outcome(CaseStudyOutcome, pages["indicator"], 8, 4))
    if hasattr(page, "supported_practices"):
        page.supported_practices = [pages["second"]]
    if hasattr(page, "topics"):
        page.topics = [pages["topic"]]
    return page.save_revision()


def test_every_page_type_of_the_package_is_built(pages):
    assert {type(page) for page in pages["all"]} == package_page_types()
    assert len(package_page_types()) >= 10


def test_editor_previews_a_draft_of_every_page_type(client, pages):
    client.force_login(member(username="eli", role_names=[roles.EDITORS]))
    for page in pages["all"]:
        draft(page, pages)
        response = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
        assert response.status_code == 200, type(page).__name__
        assert "(draft)" in response.content.decode(), type(page).__name__


def test_draft_preview_shows_the_drafts_relations(client, pages):
    client.force_login(member(username="eli", role_names=[roles.EDITORS]))
    first = pages["first"]
    draft(first, pages)
    html = client.get(reverse("wagtailadmin_pages:view_draft", args=[first.pk])).content.decode()
    assert "Permit clinic" in html  # the draft's related practice, not yet live


def test_reviewer_previews_every_page_type_in_review(client, pages, home_page):
    task = PeerReviewTask.objects.create(
        name="Peer review", reviewer_group=roles.get_group(roles.REVIEWERS), approvals_required=2
    )
    workflow = Workflow.objects.create(name="Peer-reviewed publishing")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=home_page)
    author = member(username="ada")
    reviewer = member(username="rosa", role_names=[roles.REVIEWERS])
    client.force_login(reviewer)
    for page in pages["all"]:
        draft(page, pages)
        workflow.start(Page.objects.get(pk=page.pk), author)
        url = reverse("wagtailadmin_pages:workflow_preview", args=[page.pk, task.pk])
        response = client.get(url)
        assert response.status_code == 200, type(page).__name__
        assert "(draft)" in response.content.decode(), type(page).__name__
