"""A mentee finds a match and asks; the mentor accepts; only the pair sees the contact details."""

import re

import pytest
from django.test import Client

from civic_wagtail.mentoring.models import Mentorship
from tests.browser.axe import assert_accessible
from tests.factories import GovernmentLevelFactory, TopicFactory, member
from tests.mentoring.helpers import make_mentor

CONTACT = "mona.private@contact.example"


def _context_for(browser, viewport, live_server, user=None):
    context = browser.new_context(viewport=viewport, locale="en-GB")
    if user is not None:
        client = Client()
        client.force_login(user)
        context.add_cookies(
            [{"name": "sessionid", "value": client.cookies["sessionid"].value,
              "url": live_server.url}]
        )
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


@pytest.fixture
def mentoring_world(home_page):
    from civic_wagtail.mentoring.pages import MentoringPage

    page = MentoringPage(title="Mentoring", slug="mentoring", intro="<p>Find a mentor.</p>")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    permits = TopicFactory(name="Permits", slug="permits")
    TopicFactory(name="Waste", slug="waste")
    municipal = GovernmentLevelFactory(name="Municipal", slug="municipal")
    mentor = make_mentor("mona", [permits], ["en", "es"], [municipal], capacity=3)
    make_mentor("walt", [TopicFactory(name="Transit", slug="transit")], ["en"])
    return {
        "mentor": mentor,
        "mentee": member(username="minnie"),
        "outsider": member(username="otto"),
    }


def test_mentee_matches_requests_mentor_accepts_and_only_they_see_contact(
    browser, viewport, page, live_server, mentoring_world
):
    world = mentoring_world
    mentee_ctx, mentee = _context_for(browser, viewport, live_server, world["mentee"])
    mentee.goto(live_server.url + "/mentoring/")
    assert mentee.get_by_role("heading", level=1).inner_text() == "Mentoring"
    assert CONTACT not in mentee.content()
    assert_accessible(mentee)

    # Find a match.
    mentee.get_by_role("link", name="Find a match").click()
    mentee.get_by_label("Permits").check()
    mentee.get_by_label("Spanish").check()
    mentee.get_by_role("button", name="Find mentors").click()
    reasons = mentee.locator(".cw-match-reasons").first.inner_text()
    # English is ticked already: the form starts from the page's language.
    assert reasons == "Why: shares Permits; speaks English and Spanish; 3 of 3 places free"
    # Mona shares the topic too, so she ranks above Walt (who only speaks English).
    cards = mentee.locator(".cw-matches h2")
    assert [cards.nth(i).inner_text() for i in range(cards.count())] == ["Mona", "Walt"]
    assert CONTACT not in mentee.content()
    assert_accessible(mentee)

    # Ask for mentoring.
    mentee.locator(".cw-matches").get_by_role("link", name="Mona").click()
    assert_accessible(mentee)
    mentee.get_by_label("Your message to the mentor").fill("Could you help me with permits?")
    mentee.get_by_role("button", name="Send request").click()
    mentee.wait_for_url(re.compile(r"/mentoring/mentorships/\d+/$"))
    assert "Requested" in mentee.locator(".cw-status").inner_text()
    assert CONTACT not in mentee.content()
    assert_accessible(mentee)
    mentorship = Mentorship.objects.get()

    # The mentor accepts.
    mentor_ctx, mentor = _context_for(browser, viewport, live_server, world["mentor"].user)
    mentor.goto(live_server.url + "/mentoring/mentorships/")
    assert_accessible(mentor)
    mentor.get_by_role("link", name="Minnie").click()
    assert_accessible(mentor)
    mentor.get_by_role("button", name="Accept request").click()
    mentor.wait_for_load_state()
    assert "You accepted the request" in mentor.content()
    assert CONTACT in mentor.content()
    assert_accessible(mentor)
    mentorship.refresh_from_db()
    assert mentorship.status == "accepted"

    # The mentee now sees the contact details, on the mentor's page and the mentorship's.
    mentee.goto(live_server.url + f"/mentoring/mentors/{world['mentor'].pk}/")
    assert mentee.get_by_role("link", name=CONTACT).is_visible()
    mentee.goto(live_server.url + f"/mentoring/mentorships/{mentorship.pk}/")
    assert CONTACT in mentee.content()
    assert_accessible(mentee)

    # Nobody else does: another member, and a visitor (the page fixture, not logged in).
    other_ctx, other = _context_for(browser, viewport, live_server, world["outsider"])
    other.goto(live_server.url + f"/mentoring/mentors/{world['mentor'].pk}/")
    assert "Mona" in other.content() and CONTACT not in other.content()
    response = other.goto(live_server.url + f"/mentoring/mentorships/{mentorship.pk}/")
    assert response.status == 404
    page.goto(live_server.url + f"/mentoring/mentors/{world['mentor'].pk}/")
    assert CONTACT not in page.content()
    for context in (mentee_ctx, mentor_ctx, other_ctx):
        context.close()


def test_offer_form_is_accessible(browser, viewport, live_server, mentoring_world):
    context, page = _context_for(browser, viewport, live_server, mentoring_world["outsider"])
    page.goto(live_server.url + "/mentoring/offer/")
    page.get_by_role("button", name="Save mentor profile").click()
    page.wait_for_load_state()
    assert page.locator(".cw-error-summary").is_visible()
    assert_accessible(page)
    context.close()
