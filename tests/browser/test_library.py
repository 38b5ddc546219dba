"""The library journey in a browser: filter, open a practice, submit an adapted case study."""

import pytest
from django.test import Client

from civic_wagtail.library.models import CaseStudyPage
from tests.browser.axe import assert_accessible
from tests.factories import TopicFactory
from tests.library.helpers import IndicatorFactory, case_study, library_index, practice

pytestmark = pytest.mark.django_db(transaction=True)


def log_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value,
          "url": live_server.url}]
    )


def test_member_filters_opens_a_practice_and_submits_an_adapted_case_study(
    page, live_server, home_page, verified_member
):
    permits = TopicFactory(slug="permits", name="Permits")
    TopicFactory(slug="waste", name="Waste")
    days = IndicatorFactory(slug="permit-days", name="Permit processing time")
    library = library_index(home_page)
    tracker = practice(library, "Online permit tracker", topics=[permits],
                       outcomes=[(days, 40, 20)], evidence_strength="evaluated")
    practice(library, "Compost collection")
    case_study(library, [tracker], [(days, 100, 50)], topics=[permits], title="Tracker in Lyon")
    log_in(page, live_server, verified_member)

    page.goto(live_server.url + "/library/")
    assert_accessible(page)
    page.select_option("#id_topic", "permits")
    page.select_option("#id_type", "practice")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_load_state()
    assert "topic=permits" in page.url and "type=practice" in page.url
    cards = page.locator(".cw-cards--library .cw-card h3")
    assert cards.all_inner_texts() == ["Online permit tracker"]

    page.get_by_role("link", name="Online permit tracker").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Online permit tracker"
    assert "−50.0%" in page.locator("#comparison + section").inner_text()
    assert_accessible(page)

    page.get_by_role("link", name="Share how you adapted this practice").click()
    page.wait_for_load_state()
    assert "Online permit tracker" in page.locator(".cw-status").inner_text()
    assert_accessible(page)

    page.fill("#id_title", "Permit tracker in Nantes")
    page.fill("#id_organisation", "Nantes city council")
    page.fill("#id_place", "Nantes, France")
    page.fill("#id_challenge", "Backlogs grew every year.")
    page.fill("#id_what_was_done", "We published every step online.")
    page.select_option("#id_indicator", "permit-days")
    page.fill("#id_baseline", "45")
    page.fill("#id_actual", "twenty")
    page.get_by_role("button", name="Send for review").click()
    page.wait_for_load_state()
    # Errors name what to change and keep what was typed.
    assert page.locator("#error-summary").is_visible()
    assert page.input_value("#id_title") == "Permit tracker in Nantes"
    assert_accessible(page)

    page.fill("#id_summary", "Nantes adapted the tracker for its permits desk.")
    page.fill("#id_actual", "21")
    page.get_by_role("button", name="Send for review").click()
    page.wait_for_load_state()
    assert page.url.endswith("/members/profile/")
    submissions = page.locator("#library-submissions-heading + ul").inner_text()
    assert "Permit tracker in Nantes" in submissions
    submitted = CaseStudyPage.objects.get(title="Permit tracker in Nantes")
    assert submitted.adapted_from_id == tracker.pk and not submitted.live
