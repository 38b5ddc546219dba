"""The home page in a browser at 375 and 1280 px: blocks, search box, open-data page."""

import pytest

from tests.browser.axe import assert_accessible
from tests.test_home_page import community  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db(transaction=True)


def test_home_page_blocks_search_box_and_open_data(page, live_server, community):  # noqa: F811
    page.goto(live_server.url + "/")
    assert_accessible(page)
    headings = page.locator(".cw-block h2").all_inner_texts()
    assert headings == ["Latest peer-reviewed practices", "Newest case studies",
                        "Upcoming events", "Active discussions", "Mentors available now"]
    assert "Peer reviewed" in page.locator(".cw-blocks__item--latest_practices").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    page.get_by_role("searchbox", name="Search practices, events and discussions").fill("permit")
    page.locator(".cw-search-box").get_by_role("button", name="Search").click()
    page.wait_for_load_state()
    assert "q=permit" in page.url

    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Open data: API, CSV and feeds").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Open data"
    assert "/hub/api/v2/practices/" in page.locator(".cw-open-data").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible(page)
