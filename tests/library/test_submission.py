"""Front-end case-study submission by verified members, and the profile panel."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import (
    GroupApprovalTask,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)

from civic_wagtail.library.models import CaseStudyPage
from tests.factories import RegionFactory, TopicFactory
from tests.library.helpers import IndicatorFactory, library_index, practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(home_page):
    return library_index(home_page)


@pytest.fixture
def review_workflow(library):
    workflow = Workflow.objects.create(name="Peer review")
    task = GroupApprovalTask.objects.create(name="Reviewers approve")
    task.groups.set([Group.objects.get_or_create(name="Reviewers")[0]])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=library)
    return workflow


def valid_data(**overrides):
    data = {
        "title": "Permit tracker in Nantes",
        "summary": "We adapted the tracker.",
        "organisation": "Nantes city council",
        "place": "Nantes, France",
        "challenge": "Backlogs.\n\nAngry residents.",
        "what_was_done": "A tracker <script>alert(1)</script>",
        "lessons": "",
        "indicator": "",
        "baseline": "",
        "actual": "",
        "period_start": "",
        "period_end": "",
        "evidence_url": "",
    }
    data.update(overrides)
    return data


def test_verified_member_submits_an_adapted_case_study(
    client, library, verified_member, review_workflow
):
    tracker = practice(library, "Online permit tracker")
    topic, region = TopicFactory(), RegionFactory()
    days = IndicatorFactory(slug="permit-days")
    client.force_login(verified_member)
    form = client.get(library.url + f"submit/?adapt={tracker.pk}")
    assert "You are sharing how you adapted" in form.content.decode()

    response = client.post(
        library.url + "submit/",
        valid_data(adapted_from=tracker.pk, topics=[topic.pk], region=region.pk,
                   indicator="permit-days", baseline="30", actual="12",
                   period_start="2024-01-01", period_end="2024-12-31"),
    )

    assert response.status_code == 302 and response["Location"] == "/members/profile/"
    page = CaseStudyPage.objects.get()
    assert page.owner == verified_member and not page.live
    assert page.get_parent().pk == library.pk
    assert page.adapted_from_id == tracker.pk
    assert list(page.practices.all()) == [tracker]
    assert list(page.topics.all()) == [topic] and list(page.regions.all()) == [region]
    assert page.challenge.replace("\n", "") == "<p>Backlogs.</p><p>Angry residents.</p>"
    assert "<script>" not in page.what_was_done
    row = page.outcomes.get()
    assert (row.indicator, row.actual, row.baseline) == (days, 12, 30)
    assert page.latest_revision.user == verified_member
    from wagtail.models import PageLogEntry

    assert PageLogEntry.objects.filter(page=page, action="wagtail.create",
                                       user=verified_member).exists()
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow == review_workflow

    profile = client.get("/members/profile/").content.decode()
    assert "Permit tracker in Nantes" in profile
    assert "In review" in profile


def test_markdown_in_the_long_texts_renders_like_a_comment(client, library, verified_member):
    """What members type in every long text is Markdown, rendered by the comments' pipeline."""
    client.force_login(verified_member)
    typed = "Know **why** it worked:\n\n- fewer forms\n- [the guide](https://example.org/g)"
    client.post(library.url + "submit/", valid_data(
        challenge="*Backlogs* <img src=x onerror=alert(1)>", what_was_done=typed, lessons=typed))
    page = CaseStudyPage.objects.get()
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "**why**" not in html and html.count("<strong>why</strong>") == 2
    assert html.count("<li>fewer forms</li>") == 2
    assert '<a href="https://example.org/g" rel="nofollow ugc noopener noreferrer">' in html
    assert "<em>Backlogs</em>" in html and "<img" not in html
    assert "&lt;img src=x" in html


def test_submission_without_a_workflow_stays_a_draft(client, library, verified_member):
    WorkflowPage.objects.all().delete()  # Wagtail's default workflow sits on the root
    client.force_login(verified_member)
    client.post(library.url + "submit/", valid_data())
    page = CaseStudyPage.objects.get()
    assert not page.live and page.has_unpublished_changes
    assert not WorkflowState.objects.exists()
    assert "Draft" in client.get("/members/profile/").content.decode()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"title": ""}, "This field is required."),
        ({"indicator": "permit-days", "baseline": "abc", "actual": "3"}, "Enter a number"),
        ({"indicator": "permit-days", "actual": "3", "period_start": "2024-05-01",
          "period_end": "2024-01-01"}, "The period cannot end before it starts."),
        ({"baseline": "3"}, "Choose which indicator these numbers measure."),
        ({"adapted_from": "999999"}, "no longer published"),
    ],
)
def test_bad_input_gives_errors_and_keeps_what_was_typed(
    client, library, verified_member, overrides, message
):
    IndicatorFactory(slug="permit-days")
    client.force_login(verified_member)
    response = client.post(library.url + "submit/", valid_data(**overrides))
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'value="Nantes city council"' in html
    assert not CaseStudyPage.objects.exists()


def test_pending_member_is_refused(client, library, pending_member):
    client.force_login(pending_member)
    response = client.get(library.url + "submit/")
    assert response.status_code == 403
    assert "Only verified public servants" in response.content.decode()
    assert client.post(library.url + "submit/", valid_data()).status_code == 403
    assert not CaseStudyPage.objects.exists()


def test_anonymous_visitor_is_asked_to_log_in(client, library):
    response = client.get(library.url + "submit/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/library/submit/")


def test_slugs_stay_unique(client, library, verified_member):
    client.force_login(verified_member)
    client.post(library.url + "submit/", valid_data())
    client.post(library.url + "submit/", valid_data())
    assert sorted(CaseStudyPage.objects.values_list("slug", flat=True)) == [
        "permit-tracker-in-nantes",
        "permit-tracker-in-nantes-2",
    ]


def test_a_newline_in_the_title_cannot_break_the_workflow_email(
    client, library, verified_member, review_workflow, django_capture_on_commit_callbacks
):
    """A title with a line break used to reach Wagtail's workflow email and fail there
    (BadHeaderError). The form turns it into one line, and the reviewers are told."""
    from django.core import mail

    from tests.factories import member

    reviewer = member(username="rita", role_names=("reviewers",))
    client.force_login(verified_member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            library.url + "submit/", valid_data(title="Permits\r\nBcc: all@example.com")
        )
    assert response.status_code == 302
    page = CaseStudyPage.objects.get()
    assert page.title == "Permits Bcc: all@example.com"
    sent = [m for m in mail.outbox if reviewer.email in m.to]
    assert sent and all("\n" not in m.subject for m in sent)
    assert "Permits Bcc: all@example.com" in sent[0].subject


def test_submissions_are_rate_limited(client, settings, library, verified_member):
    settings.CIVIC_WAGTAIL_RATE_LIMITS = {"library_submission": {"member": (1, 3600)}}
    client.force_login(verified_member)
    assert client.post(library.url + "submit/", valid_data()).status_code == 302
    response = client.post(library.url + "submit/", valid_data(title="Second"))
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert "many case studies" in response.content.decode()
    assert CaseStudyPage.objects.count() == 1
    assert client.get(library.url + "submit/").status_code == 200
