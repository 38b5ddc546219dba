"""A citizen in chromium: reads a policy, subscribes to its topic by email, confirms, gets
the alert when an editor publishes a change-log entry, unsubscribes in one click, answers an
open consultation and later reads its outcome. Every new public template is checked with
axe at 375 and 1280 px, and nothing scrolls sideways."""

import re
from datetime import date

import pytest
from django.core import mail

from civic_wagtail.transparency.models import PolicyChange
from tests.browser.axe import assert_accessible
from tests.factories import TopicFactory
from tests.transparency.helpers import (
    bulk_responses,
    close,
    consultation,
    consultation_index,
    policy,
    policy_index,
    publish,
)

pytestmark = pytest.mark.django_db(transaction=True)


def check(page):
    """axe: no serious or critical violation; and the page is no wider than the screen."""
    assert_accessible(page)
    wide = page.evaluate(
        "() => document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )
    assert not wide, f"{page.url} scrolls sideways"


def link_in(message):
    return re.search(r"http://localhost(?::\d+)?(/\S+)", message.body).group(1)


@pytest.fixture
def world(home_page):
    topic = TopicFactory(name="Transport", slug="transport")
    policies = policy_index(home_page)
    consultations = consultation_index(home_page)
    open_page = consultation(
        consultations,
        title="Cycle lanes",
        draft=["Every main road gets a lane.", "Works start with the busiest roads."],
        topics=[topic],
    )
    lane_policy = policy(
        policies,
        title="Protected cycle lanes",
        topics=[topic],
        stage="consultation",
        changes=[(date(2026, 1, 5), "Draft strategy published.")],
    )
    lane_policy.related_links.create(related=open_page)
    lane_policy = publish(lane_policy)
    return {"topic": topic, "policy": lane_policy, "consultation": open_page}


def test_citizen_journey(page, live_server, world):
    base = live_server.url
    # Reads a policy.
    page.goto(base + "/policy/")
    check(page)
    page.get_by_role("link", name="Protected cycle lanes").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Protected cycle lanes"
    assert page.locator('link[rel="alternate"][type="application/atom+xml"]').count() >= 1
    check(page)
    # Subscribes to its topic.
    form = page.locator("form").filter(has=page.locator('input[name="topic"]'))
    form.get_by_label("Your email address").fill("citizen@example.org")
    form.get_by_role("button", name="Subscribe").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Check your email"
    check(page)
    confirm = link_in(mail.outbox[-1])
    page.goto(base + confirm)
    check(page)
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Subscription confirmed"
    check(page)
    # An editor publishes a change-log entry: the alert arrives.
    before = len(mail.outbox)
    lane = world["policy"]
    lane.changes.add(PolicyChange(date=date(2026, 2, 1), summary="Consultation opened."))
    publish(lane)
    alert = mail.outbox[before]
    assert alert.to == ["citizen@example.org"]
    assert "Consultation opened." in alert.body
    assert alert.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = alert.extra_headers["List-Unsubscribe"][1:-1]
    path = re.sub(r"^http://localhost(?::\d+)?", "", unsubscribe)
    page.goto(base + path)
    check(page)
    page.get_by_role("button", name="Unsubscribe").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "You are unsubscribed"
    check(page)
    # Answers the open consultation.
    page.goto(base + "/consultations/")
    check(page)
    page.get_by_role("link", name="Cycle lanes").click()
    page.wait_for_load_state()
    assert "0 comments" in page.content()
    check(page)
    page.get_by_role("link", name="Respond to this consultation").click()
    page.wait_for_load_state()
    check(page)
    page.get_by_label("Your email address").fill("citizen@example.org")
    page.get_by_role("button", name="Send me the link").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Check your email"
    check(page)
    page.goto(base + link_in(mail.outbox[-1]))
    check(page)
    page.get_by_label("Yes").check()
    page.get_by_label("River road").check()
    page.get_by_label("Agree", exact=True).check()
    page.get_by_label("Anything else?").fill("Light the lanes at night.")
    page.get_by_label("Comment on paragraph 2").fill("Start near schools instead.")
    page.get_by_label("My written answers and comments may be published").check()
    page.get_by_role("button", name="Send my response").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Thank you for your response"
    check(page)
    page.goto(base + "/consultations/cycle-lanes/")
    assert "1 comment" in page.content()
    # Later: the consultation closes and its outcome is published.
    bulk_responses(world["consultation"], 40)
    closed = close(world["consultation"])
    closed.what_we_heard = "<p>Most of you want lanes near schools first.</p>"
    closed.what_we_will_do = "<p>We will start with the streets around schools.</p>"
    publish(closed)
    page.goto(base + "/consultations/cycle-lanes/")
    assert page.get_by_role("heading", name="What we heard").count() == 1
    assert page.get_by_role("heading", name="What we will do").count() == 1
    assert "41 responses" in page.content()
    assert "citizen@example.org" not in page.content()
    check(page)
