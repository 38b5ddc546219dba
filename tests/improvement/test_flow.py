"""The member's path through HTTP: assess, see gaps with reasoned recommendations, set a
goal, check in twice, share it with the mentor, and the mentor comments."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.utils import timezone

from civic_wagtail.improvement.models import Assessment, CheckIn, CompetencyTag, Goal, GoalComment
from civic_wagtail.members.models import Notification

from .helpers import assessment_post, make_assessment

pytestmark = pytest.mark.django_db


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def test_assessment_gaps_recommendations_goal_checkins_share_and_comment(
    improvement_page, framework, owner, mentor, mentor_profile
):
    data_literacy = framework.competencies.get(name="Data literacy")
    CompetencyTag.objects.create(
        competency=data_literacy,
        content_type=ContentType.objects.get_for_model(mentor_profile),
        object_id=mentor_profile.pk,
    )
    client = client_for(owner)
    make_assessment(owner, framework, [1, 1], days_ago=90)
    assert client.get(f"/improvement/frameworks/{framework.pk}/assess/").status_code == 200
    response = client.post(
        f"/improvement/frameworks/{framework.pk}/assess/",
        assessment_post(framework, [2, 3], [4, 3]),
    )
    assert response.status_code == 302
    latest = Assessment.objects.filter(user=owner).order_by("-created_at").first()
    page = client.get(response["Location"]).content.decode()
    assert "<svg" in page and 'role="img"' in page and "<table" in page
    assert "+1" in page and "+2" in page  # change per competency since last time
    assert (
        "You rated Data literacy 2 of 4 and aim for 4; this mentor is tagged Data literacy."
    ) in page
    assert latest.ratings.count() == 2

    response = client.post(
        "/improvement/goals/new/",
        {
            "title": "Publish the permit data",
            "why": "People ask",
            "kind": "target",
            "indicator": "Datasets",
            "unit": "datasets",
            "baseline": "0",
            "target": "10",
            "start_date": (timezone.localdate() - datetime.timedelta(days=30)).isoformat(),
            "due_date": (timezone.localdate() + datetime.timedelta(days=60)).isoformat(),
            "competency": str(data_literacy.pk),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    goal = Goal.objects.get(user=owner)
    for value in ("2", "5"):
        response = client.post(
            f"/improvement/goals/{goal.pk}/check-in/",
            {
                "date": timezone.localdate().isoformat(),
                "value": value,
                "confidence": "3",
                "note": f"Now {value}",
            },
        )
        assert response.status_code == 302
    assert CheckIn.objects.filter(goal=goal).count() == 2
    detail = client.get(f"/improvement/goals/{goal.pk}/").content.decode()
    assert "50% done" in detail and "On track" in detail

    assert (
        client.post(f"/improvement/goals/{goal.pk}/share/", {"mentor": str(mentor.pk)}).status_code
        == 302
    )
    assert Notification.objects.filter(recipient=mentor, kind="improvement.shared").exists()
    mentor_client = client_for(mentor)
    assert "Now 5" in mentor_client.get(f"/improvement/goals/{goal.pk}/").content.decode()
    checkin = goal.checkins.first()
    response = mentor_client.post(
        f"/improvement/check-ins/{checkin.pk}/comment/", {"body": "Well done, keep going."}
    )
    assert response.status_code == 302
    assert GoalComment.objects.get().author == mentor
    assert (
        "Well done, keep going." in client.get(f"/improvement/goals/{goal.pk}/").content.decode()
    )
    assert Notification.objects.filter(recipient=owner, kind="improvement.comment").exists()


def test_form_errors_say_what_to_change(improvement_page, framework, owner):
    client = client_for(owner)
    response = client.post(
        f"/improvement/frameworks/{framework.pk}/assess/",
        assessment_post(framework, [3, 3], [1, 3]),
    )
    assert response.status_code == 400
    assert "Aim for your current level or higher" in response.content.decode()
    response = client.post(
        "/improvement/goals/new/", {"title": "T", "kind": "target", "start_date": "2026-01-01"}
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "Say what you will measure" in body and "Give the value you aim to reach" in body
    response = client.post(
        "/improvement/goals/new/", {"title": "T", "kind": "milestones", "start_date": "2026-01-01"}
    )
    assert "Write at least one milestone" in response.content.decode()


def test_hostile_input_answers_4xx(improvement_page, framework, owner):
    client = client_for(owner)
    assert client.get("/improvement/goals/99999999999999999999999/").status_code == 404
    response = client.post(
        "/improvement/goals/new/",
        {"title": "a\x00b", "kind": "milestones", "milestones": "x", "start_date": "2026-01-01"},
    )
    assert response.status_code == 400
    response = client.post(
        "/improvement/goals/new/",
        {
            "title": "Big",
            "kind": "target",
            "indicator": "i",
            "baseline": "1e400",
            "target": "9" * 40,
            "start_date": "2026-01-01",
            "due_date": "2027-01-01",
        },
    )
    assert response.status_code == 400
    assert client.get("/improvement/data/export/nope/").status_code == 404
    assert client.get("/improvement/goals/new/?competency=%00").status_code == 200


def test_milestone_goal_progress_and_ticks(improvement_page, owner):
    client = client_for(owner)
    client.post(
        "/improvement/goals/new/",
        {
            "title": "Interviews",
            "kind": "milestones",
            "milestones": "Guide\nRecruit\nInterview\nShare",
            "start_date": "2026-01-01",
        },
    )
    goal = Goal.objects.get(user=owner)
    first, second = list(goal.milestones.all())[:2]
    client.post(
        f"/improvement/goals/{goal.pk}/check-in/",
        {"date": "2026-02-01", "milestones_done": [first.pk, second.pk], "confidence": "2"},
    )
    body = client.get(f"/improvement/goals/{goal.pk}/").content.decode()
    assert "50% done" in body
