"""Members submit a best practice from the site, into the same review workflow as case studies."""

import pytest
from wagtail.models import WorkflowState

from civic_wagtail.library.models import BestPracticePage
from tests.factories import RegionFactory, TopicFactory

from . import test_submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(home_page):
    return test_submission.library.__wrapped__(home_page)


@pytest.fixture
def review_workflow(library):
    return test_submission.review_workflow.__wrapped__(library)


def valid_data(**overrides):
    data = {
        "title": "Permit tracker",
        "summary": "Residents follow their permit online.",
        "problem": "Residents phoned.\n\nStaff answered.",
        "approach": "A tracker <script>alert(1)</script>",
        "prerequisites": "",
        "risks": "",
        "cost_band": "low",
        "implementation_months": "6",
        "evidence_strength": "monitored",
    }
    data.update(overrides)
    return data


def test_verified_member_submits_a_practice_for_review(
    client, library, verified_member, review_workflow
):
    topic, region = TopicFactory(), RegionFactory()
    client.force_login(verified_member)
    index = client.get(library.url).content.decode()
    assert f'href="{library.url}submit/practice/"' in index
    assert client.get(library.url + "submit/practice/").status_code == 200
    response = client.post(
        library.url + "submit/practice/",
        valid_data(topics=[topic.pk], region=region.pk),
    )
    assert response.status_code == 302 and response["Location"] == "/members/profile/"
    page = BestPracticePage.objects.get()
    assert page.owner == verified_member and not page.live
    assert page.get_parent().pk == library.pk
    assert page.problem == "<p>Residents phoned.</p>\n<p>Staff answered.</p>"  # Markdown
    assert "<script>" not in page.approach
    assert page.cost_band == "low" and page.implementation_months == 6
    assert list(page.topics.all()) == [topic] and list(page.regions.all()) == [region]
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    assert state.workflow == review_workflow and state.status == "in_progress"
    assert "Permit tracker" in client.get("/members/profile/").content.decode()


def test_form_errors_say_what_to_change(client, library, verified_member):
    client.force_login(verified_member)
    response = client.post(
        library.url + "submit/practice/", valid_data(problem="", implementation_months="six")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "This field is required." in html and "Enter a whole number" in html
    assert not BestPracticePage.objects.exists()


def test_only_verified_members_submit(client, library, pending_member):
    assert client.get(library.url + "submit/practice/").status_code == 302
    client.force_login(pending_member)
    response = client.post(library.url + "submit/practice/", valid_data())
    assert response.status_code == 403 and not BestPracticePage.objects.exists()


def test_practice_submissions_share_the_submission_rate_limit(
    client, settings, library, verified_member
):
    settings.CIVIC_WAGTAIL_RATE_LIMITS = {"library_submission": {"member": (1, 3600)}}
    client.force_login(verified_member)
    assert client.post(library.url + "submit/practice/", valid_data()).status_code == 302
    response = client.post(library.url + "submit/practice/", valid_data(title="Second"))
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert BestPracticePage.objects.count() == 1
