"""Reminder emails (background task, one-click unsubscribe), the member's own data (CSV,
JSON, delete), and erasure with the account."""

import datetime
import json

import pytest
from django.core import mail as outbox
from django.test import Client
from django.utils import timezone

from civic_wagtail.improvement.models import (
    Assessment,
    CheckIn,
    Goal,
    GoalComment,
    ReminderSetting,
)
from civic_wagtail.improvement.reminders import send_due_reminders, unsubscribe_url
from civic_wagtail.members.privacy import collect, erase_member
from tests.factories import member

from .helpers import make_assessment

pytestmark = pytest.mark.django_db


def test_due_reminders_are_mailed_once_with_one_click_unsubscribe(
    improvement_page, owner, django_capture_on_commit_callbacks
):
    Goal.objects.create(user=owner, title="Publish data", kind="milestones")
    ReminderSetting.objects.create(user=owner, frequency="weekly")
    quiet = member(username="quiet")
    Goal.objects.create(user=quiet, title="Q", kind="milestones")
    ReminderSetting.objects.create(user=quiet, frequency="never")
    with django_capture_on_commit_callbacks(execute=True):
        assert send_due_reminders.call() == 1
    [message] = outbox.outbox
    assert message.to == [owner.email]
    assert "Publish data" in message.body
    url = unsubscribe_url(owner)
    assert url in message.body
    assert message.extra_headers["List-Unsubscribe"] == f"<{url}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    with django_capture_on_commit_callbacks(execute=True):
        assert send_due_reminders.call() == 0  # not due again for a week
    assert len(outbox.outbox) == 1

    path = url.split("://", 1)[1].split("/", 1)[1]
    client = Client(enforce_csrf_checks=True)
    assert client.get(f"/{path}").status_code == 200
    assert ReminderSetting.objects.get(user=owner).frequency == "weekly"
    response = client.post(f"/{path}", {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert ReminderSetting.objects.get(user=owner).frequency == "never"


def test_monthly_reminders_wait_a_month(owner):
    Goal.objects.create(user=owner, title="G", kind="milestones")
    ReminderSetting.objects.create(
        user=owner, frequency="monthly", last_sent_at=timezone.now() - datetime.timedelta(days=10)
    )
    assert send_due_reminders.call() == 0


def test_member_downloads_and_deletes_own_data(improvement_page, framework, owner):
    other = member(username="other")
    make_assessment(other, framework, [4, 4])
    assessment = make_assessment(owner, framework, [1, 2], [3, 3])
    goal = Goal.objects.create(user=owner, title="Mine", kind="target", indicator="i", target=3)
    checkin = CheckIn.objects.create(goal=goal, value=2, note="n")
    client = Client()
    client.force_login(owner)
    data = json.loads(client.get("/improvement/data/export/json/").content)
    assert [a["id"] for a in data["improvement_assessments"]] == [assessment.pk]
    assert len(data["improvement_ratings"]) == 2
    assert data["improvement_checkins"][0]["note"] == "n"
    csv = client.get("/improvement/data/export/goals/")
    assert csv["Content-Type"].startswith("text/csv") and "Mine" in csv.content.decode()
    assert client.post(f"/improvement/check-ins/{checkin.pk}/delete/").status_code == 302
    assert client.post(f"/improvement/assessments/{assessment.pk}/delete/").status_code == 302
    assert client.post(f"/improvement/goals/{goal.pk}/delete/").status_code == 302
    assert not Assessment.objects.filter(user=owner).exists()
    assert not Goal.objects.filter(user=owner).exists()
    assert Assessment.objects.filter(user=other).count() == 1


def test_export_hook_and_erasure(framework, owner, mentor):
    make_assessment(owner, framework, [1, 1])
    goal = Goal.objects.create(user=owner, title="G", kind="milestones", shared_with=mentor)
    checkin = CheckIn.objects.create(goal=goal)
    GoalComment.objects.create(checkin=checkin, author=mentor, body="Mentor's words")
    assert collect(owner)["improvement_goals"][0]["title"] == "G"
    assert collect(mentor)["improvement_comments"][0]["body"] == "Mentor's words"
    erase_member(mentor)
    assert not GoalComment.objects.exists()
    assert Goal.objects.get(pk=goal.pk).shared_with is None
    erase_member(owner)
    assert not Goal.objects.exists() and not Assessment.objects.exists()
