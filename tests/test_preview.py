"""Previewing drafts: every page type of the package renders from a revision.

A preview renders the page that a revision holds, whose ParentalKey and ParentalManyToMany
relations live in memory (modelcluster's FakeQuerySet), not in the database. Editors preview
through "view draft"; reviewers through the workflow preview of the task they act on.
"""

import pytest
from django.urls import reverse
from wagtail.models import Page, Workflow, WorkflowPage, WorkflowTask, get_page_models

from civic_wagtail import roles
from civic_wagtail.discussion.models import ForumIndexPage, ForumTopicPage
from civic_wagtail.library.models import CaseStudyOutcome, PracticeOutcome, ResourcePage
from civic_wagtail.mentoring.pages import MentoringPage
from civic_wagtail.review.models import PeerReviewTask
from tests.events.helpers import make_event, make_index
from tests.factories import TopicFactory, member
from tests.library.helpers import (
    IndicatorFactory,
    case_study,
    library_index,
    outcome,
    practice,
    resource_index,
)

pytestmark = pytest.mark.django_db

PACKAGE_PAGE_TYPES = {
    model for model in get_page_models() if model.__module__.startswith("civic_wagtail.")
}


def publish(page):
    page.save_revision().publish()
    return page.specific_class.objects.get(pk=page.pk)


@pytest.fixture
def pages(home_page):
    """One published page of every type of the package, related to each other."""
    topic = TopicFactory(name="Permits", slug="permits")
    indicator = IndicatorFactory()
    library = publish(library_index(home_page))
    first = publish(practice(library, title="Permit tracker", topics=[topic]))
    second = publish(practice(library, title="Permit clinic"))
    case = publish(
        case_study(library, practices=[first], topics=[topic], outcomes=[(indicator, 10, 5)])
    )
    resources = publish(resource_index(home_page))
    resource = ResourcePage(
        title="Permit checklist", slug="checklist", resource_type="guide", summary="A list.",
        external_url="https://example.gov/checklist",
    )
    resources.add_child(instance=resource)
    resource.supported_practices.set([first])
    resource = publish(resource)
    forums = ForumIndexPage(title="Forums", slug="forum")
    home_page.add_child(instance=forums)
    forums = publish(forums)
    forum = ForumTopicPage(title="Permits", slug="permits", topic=topic)
    forums.add_child(instance=forum)
    forum = publish(forum)
    calendar = make_index(home_page)
    event = make_event(calendar, topics=[topic])
    mentoring = MentoringPage(title="Mentoring", slug="mentoring", intro="<p>Find one.</p>")
    home_page.add_child(instance=mentoring)
    mentoring = publish(mentoring)
    built = [library, first, second, case, resources, resource, forums, forum, calendar, event,
             mentoring]
    assert {type(page) for page in built} == PACKAGE_PAGE_TYPES, "a page type is not covered"
    return {"indicator": indicator, "topic": topic, "first": first, "second": second,
            "all": built}


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


def test_the_fixture_covers_every_page_type_of_the_package():
    assert len(PACKAGE_PAGE_TYPES) >= 10


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
