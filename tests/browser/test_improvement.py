"""Continuous improvement in chromium: a member takes an assessment, sees the gaps with
recommendations, sets a goal, records two check-ins and shares it with their mentor, who
comments. Every page of the app passes axe at 375 and 1280 px without sideways scrolling."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.utils import timezone

from civic_wagtail.improvement import access
from civic_wagtail.improvement.models import (
    AdoptionTracker,
    CheckIn,
    CompetencyTag,
    Goal,
    Team,
    TeamMember,
    TrackerIndicator,
)
from civic_wagtail.improvement.pages import ImprovementPage
from civic_wagtail.improvement.reminders import unsubscribe_token
from civic_wagtail.mentoring.models import Mentorship
from tests.browser.axe import assert_accessible
from tests.factories import member
from tests.improvement.helpers import make_assessment, make_framework
from tests.mentoring.helpers import make_mentor


def _context_for(browser, viewport, live_server, user=None):
    context = browser.new_context(viewport=viewport, locale="en-GB")
    if user is not None:
        client = Client()
        client.force_login(user)
        context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value,
                              "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def _check(page):
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), page.url


@pytest.fixture
def improvement_world(home_page):
    page = ImprovementPage(title="Continuous improvement", slug="improvement",
                           intro="<p>Assess yourself.</p>")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    framework = make_framework(name="Digital and data skills")
    owner = member(username="olive")
    mentor = make_mentor("mona")
    Mentorship.objects.create(mentor=mentor, mentee=owner, message="Help", status="active")
    CompetencyTag.objects.create(
        competency=framework.competencies.get(name="Data literacy"),
        content_type=ContentType.objects.get_for_model(mentor), object_id=mentor.pk,
    )
    return {"framework": framework, "owner": owner, "mentor": mentor.user}


def test_assess_see_gaps_set_goal_check_in_twice_share_and_mentor_comments(
    browser, viewport, live_server, improvement_world
):
    world = improvement_world
    framework = world["framework"]
    ctx, page = _context_for(browser, viewport, live_server, world["owner"])
    page.goto(live_server.url + "/improvement/")
    _check(page)
    page.get_by_role("link", name="Assess yourself: Digital and data skills").click()
    _check(page)
    first, second = framework.competencies.all()
    page.check(f"input[name=c{first.pk}_level][value='1']")
    page.select_option(f"select[name=c{first.pk}_target]", "3")
    page.check(f"input[name=c{second.pk}_level][value='2']")
    page.select_option(f"select[name=c{second.pk}_target]", "2")
    page.get_by_role("button", name="Save my self-assessment").click()
    page.wait_for_url("**/assessments/*/")
    assert page.locator("svg[role=img]").count() == 1
    assert page.get_by_text("You rated Data literacy 1 of 4 and aim for 3; this mentor is "
                            "tagged Data literacy.").is_visible()
    _check(page)

    page.get_by_role("link", name="Set a goal for this competency").click()
    _check(page)
    page.get_by_label("Title").fill("Publish permit data monthly")
    page.get_by_label("A measurable target").check()
    page.get_by_label("Indicator").fill("Datasets published")
    page.get_by_label("Baseline").fill("0")
    page.get_by_label("Target", exact=True).fill("10")
    page.get_by_label("Due date").fill(
        (timezone.localdate() + datetime.timedelta(days=90)).isoformat())
    page.get_by_role("button", name="Save the goal").click()
    page.wait_for_url("**/goals/*/")
    for value in ("2", "4"):
        page.get_by_label("Datasets published today").fill(value)
        page.get_by_label("High").check()
        page.get_by_role("button", name="Save check-in").click()
        page.wait_for_load_state()
    assert page.locator("#goal-progress").inner_text() == "40% done"
    _check(page)
    page.get_by_label("Share with a mentor").select_option(label="Mona")
    page.get_by_role("button", name="Save sharing").click()
    page.wait_for_load_state()
    goal = Goal.objects.get(user=world["owner"])
    assert goal.shared_with == world["mentor"]
    ctx.close()

    ctx, mentor_page = _context_for(browser, viewport, live_server, world["mentor"])
    mentor_page.goto(live_server.url + f"/improvement/goals/{goal.pk}/")
    _check(mentor_page)
    latest = goal.checkins.first()
    mentor_page.locator(f"#comment-{latest.pk}").fill("Good pace: keep the data dictionary.")
    mentor_page.locator(f"#checkin-{latest.pk}").get_by_role("button", name="Comment").click()
    mentor_page.wait_for_load_state()
    assert mentor_page.get_by_text("Good pace: keep the data dictionary.").is_visible()
    ctx.close()


def test_every_improvement_page_is_accessible(browser, viewport, live_server,
                                              improvement_world):
    world = improvement_world
    owner, framework = world["owner"], world["framework"]
    make_assessment(owner, framework, [1, 1], [2, 3], days_ago=200)
    assessment = make_assessment(owner, framework, [2, 1], [3, 4])
    goal = Goal.objects.create(user=owner, title="Interviews", kind="milestones")
    goal.milestones.create(title="Write the guide")
    CheckIn.objects.create(goal=goal, note="Started")
    access.share(goal, world["mentor"])
    tracker = AdoptionTracker.objects.create(user=owner, title="Plain letters",
                                             organisation="Lyon council", place="Lyon")
    TrackerIndicator.objects.create(tracker=tracker, name="Calls", baseline=400)
    team = Team.objects.create(name="Permits team", lead=owner)
    for n in range(5):
        teammate = member(username=f"mate{n}")
        TeamMember.objects.create(team=team, user=teammate, joined_at=timezone.now())
        make_assessment(teammate, framework, [n % 4 + 1, 2], [4, 3])
    ctx, page = _context_for(browser, viewport, live_server, owner)
    base = live_server.url + "/improvement/"
    for path in ["", f"frameworks/{framework.pk}/", "assessments/",
                 f"assessments/{assessment.pk}/", "goals/", "goals/new/", f"goals/{goal.pk}/",
                 "reminders/", "trackers/", "trackers/new/", f"trackers/{tracker.pk}/",
                 "teams/", f"teams/{team.pk}/", "data/"]:
        page.goto(base + path)
        assert page.locator("h1").count() == 1, path
        _check(page)
    page.goto(base + "goals/new/")
    page.get_by_role("button", name="Save the goal").click()
    page.wait_for_load_state()
    assert page.get_by_text("Write at least one milestone").count() or page.locator(
        ".cw-field-error").count()
    _check(page)
    page.goto(live_server.url + f"/improvement/unsubscribe/{unsubscribe_token(owner)}/")
    _check(page)
    ctx.close()
    ctx, anonymous = _context_for(browser, viewport, live_server)
    anonymous.goto(base)
    _check(anonymous)
    anonymous.goto(base + f"frameworks/{framework.pk}/")
    _check(anonymous)
    ctx.close()
