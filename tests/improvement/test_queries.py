"""Query pins: the member's page, the results page, the goals list and the dashboard panels
cost the same number of queries whatever the number of assessments, goals and check-ins."""

import datetime

import pytest
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from civic_wagtail.improvement import dashboard
from civic_wagtail.improvement.models import AdoptionTracker, CheckIn, Goal, Milestone
from tests.utils import panel_cost

from .helpers import make_assessment

pytestmark = pytest.mark.django_db


def count(client, url):
    client.get(url)  # warm caches (site root paths, content types)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def add_goals(owner, n, start):
    for i in range(start, start + n):
        goal = Goal.objects.create(
            user=owner,
            title=f"Goal {i}",
            kind="target",
            indicator="x",
            baseline=0,
            target=10,
            due_date=datetime.date(2030, 1, 1),
        )
        CheckIn.objects.bulk_create(CheckIn(goal=goal, value=k) for k in range(3))
        ms = Goal.objects.create(user=owner, title=f"Milestones {i}", kind="milestones")
        Milestone.objects.bulk_create(Milestone(goal=ms, title=f"m{k}") for k in range(3))


def test_goals_list_in_constant_queries(improvement_page, owner):
    client = Client()
    client.force_login(owner)
    add_goals(owner, 1, 0)
    small = count(client, "/improvement/goals/")
    add_goals(owner, 15, 1)
    assert count(client, "/improvement/goals/") == small


def test_results_page_in_constant_queries(improvement_page, framework, owner):
    client = Client()
    client.force_login(owner)
    first = make_assessment(owner, framework, [1, 2], [3, 3], days_ago=400)
    small = count(client, f"/improvement/assessments/{first.pk}/")
    for days in range(300, 0, -30):
        latest = make_assessment(owner, framework, [2, 2], [3, 4], days_ago=days)
    assert count(client, f"/improvement/assessments/{latest.pk}/") == small


def test_member_page_and_dashboard_panels_in_constant_queries(improvement_page, framework, owner):
    client = Client()
    client.force_login(owner)
    make_assessment(owner, framework, [1, 2])
    add_goals(owner, 1, 0)
    AdoptionTracker.objects.create(user=owner, title="t", organisation="o", place="p")
    small_page = count(client, "/improvement/")
    small_panels = [
        panel_cost(hook, owner)[0]
        for hook in (dashboard.assessment_panel, dashboard.goals_panel, dashboard.trackers_panel)
    ]
    for days in range(1, 10):
        make_assessment(owner, framework, [2, 2], days_ago=days)
    add_goals(owner, 12, 1)
    AdoptionTracker.objects.bulk_create(
        AdoptionTracker(user=owner, title=f"t{n}", organisation="o", place="p") for n in range(9)
    )
    assert count(client, "/improvement/") == small_page
    large_panels = [
        panel_cost(hook, owner)[0]
        for hook in (dashboard.assessment_panel, dashboard.goals_panel, dashboard.trackers_panel)
    ]
    assert large_panels == small_panels
    html = panel_cost(dashboard.goals_panel, owner)[1]
    assert html.count("<li>") == dashboard.LIMIT


def test_panels_share_one_summary_per_request(improvement_page, framework, owner):
    request = RequestFactory().get("/members/me/")
    request.user = owner
    dashboard.assessment_panel(request)
    with CaptureQueriesContext(connection) as ctx:
        dashboard.goals_panel(request)
        dashboard.trackers_panel(request)
    assert len(ctx.captured_queries) == 0
