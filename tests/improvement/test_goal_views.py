"""Goals, check-ins, comments, sharing and reminders through HTTP: what a member is told when
an input is wrong or they write too often, and what each refusal leaves unchanged."""

import pytest

from civic_wagtail.improvement.models import CheckIn, Goal, GoalComment, ReminderSetting
from tests.factories import member
from tests.utils import logged_in

pytestmark = pytest.mark.django_db

TARGET = {
    "title": "Publish the permit data",
    "kind": "target",
    "indicator": "Datasets",
    "baseline": "0",
    "target": "10",
    "start_date": "2026-01-01",
    "due_date": "2026-06-01",
}


@pytest.fixture
def client(owner):
    return logged_in(owner)


@pytest.fixture
def goal(owner):
    return Goal.objects.create(
        user=owner, title="Datasets", kind="target", indicator="Datasets", baseline=0, target=10
    )


@pytest.fixture
def limit_one(settings):
    settings.CIVIC_WAGTAIL_RATE_LIMITS = {"improvement": {"member": (1, 3600)}}


def assert_throttled(response):
    assert response.status_code == 429
    assert "many assessments, goals or check-ins" in response.content.decode()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"target": "0"}, "The target must differ from the baseline."),
        ({"due_date": "2026-01-01"}, "The due date must come after the start date."),
        ({"due_date": "2025-12-31"}, "The due date must come after the start date."),
        ({"due_date": ""}, "Give a due date for a measurable target."),
    ],
)
def test_goal_dates_and_values_that_make_no_sense_are_refused(
    improvement_page, client, changes, message
):
    response = client.post("/improvement/goals/new/", {**TARGET, **changes})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Goal.objects.exists()


def test_new_goals_are_rate_limited(improvement_page, client, owner, limit_one):
    assert client.post("/improvement/goals/new/", TARGET).status_code == 302
    assert_throttled(client.post("/improvement/goals/new/", TARGET))
    assert Goal.objects.filter(user=owner).count() == 1


def test_a_check_in_without_the_measured_value_is_refused(improvement_page, client, goal):
    response = client.post(
        f"/improvement/goals/{goal.pk}/check-in/", {"date": "2026-02-01", "confidence": "2"}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Give the value you measured." in body and 'Check-in on "Datasets"' in body
    assert not CheckIn.objects.exists()


def test_check_ins_are_rate_limited(improvement_page, client, goal, limit_one):
    data = {"date": "2026-02-01", "value": "3", "confidence": "2"}
    assert client.post(f"/improvement/goals/{goal.pk}/check-in/", data).status_code == 302
    assert_throttled(client.post(f"/improvement/goals/{goal.pk}/check-in/", data))
    assert CheckIn.objects.filter(goal=goal).count() == 1


def test_an_empty_comment_is_refused_and_comments_are_rate_limited(
    improvement_page, client, goal, settings
):
    settings.CIVIC_WAGTAIL_RATE_LIMITS = {"improvement": {"member": (2, 3600)}}
    checkin = CheckIn.objects.create(goal=goal, value=3)
    url = f"/improvement/check-ins/{checkin.pk}/comment/"
    response = client.post(url, {"body": "  "})
    assert response.status_code == 400
    assert "Write a comment before sending it." in response.content.decode()
    assert client.post(url, {"body": "Progress noted."}).status_code == 302
    assert_throttled(client.post(url, {"body": "Again."}))
    assert list(GoalComment.objects.values_list("body", flat=True)) == ["Progress noted."]


def test_a_goal_is_shared_only_with_ones_own_mentor(improvement_page, client, goal):
    stranger = member(username="not_my_mentor")
    response = client.post(f"/improvement/goals/{goal.pk}/share/", {"mentor": str(stranger.pk)})
    assert response.status_code == 400
    assert "Choose one of your mentors, or nobody." in response.content.decode()
    goal.refresh_from_db()
    assert goal.shared_with is None


def test_an_unknown_goal_status_is_refused(improvement_page, client, goal):
    response = client.post(f"/improvement/goals/{goal.pk}/status/", {"status": "forgotten"})
    assert response.status_code == 400
    assert "Choose active, achieved or dropped." in response.content.decode()
    goal.refresh_from_db()
    assert goal.status == "active"


def test_a_member_sets_and_changes_their_reminder_schedule(improvement_page, client, owner):
    page = client.get("/improvement/reminders/")
    assert page.status_code == 200
    assert "Email me a reminder to check in on my goals" in page.content.decode()
    response = client.post("/improvement/reminders/", {"frequency": "weekly"})
    assert response.status_code == 302 and response["Location"] == "/improvement/goals/"
    assert ReminderSetting.objects.get(user=owner).frequency == "weekly"
    client.post("/improvement/reminders/", {"frequency": "monthly"})
    assert ReminderSetting.objects.get(user=owner).frequency == "monthly"
    response = client.post("/improvement/reminders/", {"frequency": "hourly"})
    assert response.status_code == 400
    assert ReminderSetting.objects.get(user=owner).frequency == "monthly"
