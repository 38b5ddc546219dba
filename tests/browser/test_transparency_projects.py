"""Project trackers in a browser, at 375 and 1280 px: filter the list, read a project's
charts and their tables, axe clean, nothing scrolls sideways."""

import datetime
from decimal import Decimal

import pytest

from civic_wagtail.transparency.models import Measurement
from tests.browser.axe import assert_accessible
from tests.factories import TopicFactory
from tests.transparency.project_helpers import (
    make_organisation,
    make_project,
    make_project_index,
)


@pytest.fixture
def projects(transactional_db, home_page):
    index = make_project_index(home_page)
    mobility = TopicFactory(slug="mobility", name="Mobility")
    city = make_organisation("Springfield City Council with a very long official name", "city")
    county = make_organisation("Riverside County", "county")
    lanes = make_project(
        index,
        city,
        title="Bus priority lanes on the twelve busiest corridors of the city",
        topics=[mobility],
        summary="Twelve kilometres of bus lanes.",
        funding_source="Municipal budget",
    )
    make_project(
        index,
        county,
        title="Flood defences",
        currency="USD",
        budget_planned=Decimal("12000000"),
        status="completed",
    )
    Measurement.objects.bulk_create(
        Measurement(
            project=lanes,
            indicator="bus-punctuality",
            unit="%",
            date=datetime.date(2026, month, 1),
            value=Decimal(78 + month),
            source="Transit operator",
        )
        for month in range(1, 13)
    )
    return index, lanes


def no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_project_list_filters_and_shows_totals_per_currency(page, live_server, projects):
    page.goto(live_server.url + "/projects/")
    assert page.locator("h1").inner_text() == "Projects"
    assert page.locator(".cw-tr-card").count() == 2
    assert page.locator("figure.cw-tr-chart svg[role=img]").count() == 2  # EUR and USD
    assert no_sideways_scroll(page)
    assert_accessible(page)

    page.select_option("#id_organisation", "county")
    page.locator("form.cw-filters button[type=submit]").click()
    page.wait_for_load_state()
    assert "organisation=county" in page.url
    assert page.locator(".cw-tr-card").count() == 1
    assert page.locator("figure.cw-tr-chart").count() == 1
    assert "USD" in page.locator("#totals-heading + p + figure + div table").inner_text()
    assert no_sideways_scroll(page)


def test_project_page_has_charts_with_tables_and_opens_its_data(page, live_server, projects):
    _index, lanes = projects
    page.goto(live_server.url + lanes.url)
    charts = page.locator("figure.cw-tr-chart svg[role=img]")
    assert charts.count() == 2  # the budget and the indicator
    assert page.locator("svg title").nth(1).text_content() == "Bus punctuality"
    table = page.locator("table", has_text="Bus punctuality")
    assert table.locator("tbody tr").count() == 12
    assert page.locator("text=50% of milestones reached").count() == 1
    assert no_sideways_scroll(page)
    assert_accessible(page)
    response = page.request.get(live_server.url + lanes.url + "json/")
    assert response.ok and response.json()["title"].startswith("Bus priority lanes")
