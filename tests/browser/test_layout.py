"""Every public page of the package on a 375 px phone: nothing scrolls sideways.

One browser context, one load per page type (``tests/pages.py`` builds one of each, related
to each other, so tables, facts and cards all have content), plus the package's public
templates that are not pages (forms, the month grid, a member's profile). The templates this
issue adds are also checked with axe here, in the same loads.
"""

import random

import pytest
from django.test import Client

from civic_wagtail.discussion.bulk import create_comments
from tests.browser.axe import assert_accessible
from tests.browser.conftest import VIEWPORTS
from tests.factories import member
from tests.pages import every_page_type

pytestmark = pytest.mark.django_db(transaction=True)

#: The widest elements of a page that is too wide, to say what to fix.
WIDEST = """() => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll("body *")]
    .filter((el) => el.getBoundingClientRect().right > width + 1)
    .slice(0, 5)
    .map((el) => el.tagName.toLowerCase() + "." + [...el.classList].join(".")
      + " right=" + Math.round(el.getBoundingClientRect().right));
}"""


def sign_in(context, live_server, user):
    client = Client()
    client.force_login(user)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value,
          "url": live_server.url}]
    )


def test_no_public_page_scrolls_sideways_at_375px(browser, live_server, home_page):
    built = every_page_type(home_page)
    pages = built["all"]
    event = next(p for p in pages if type(p).__name__ == "EventPage")
    author = member(username="writer")
    comment = create_comments(event, [author], 1, random.Random(1), ["A long comment " * 20])[0]
    library = pages[0]
    urls = [page.url for page in pages] + [
        "/events/?view=month",
        f"{library.url}submit/",
        f"{library.url}submit/practice/",
        "/members/profile/",
        f"/discussion/comments/{comment.pk}/flag/",
        "/accounts/login/",
    ]
    new_templates = {
        "/events/?view=month", f"{library.url}submit/practice/",
        f"/discussion/comments/{comment.pk}/flag/", event.url, "/projects/",
        "/projects/faster-building-permits-with-a-public-tracker/",
    }
    context = browser.new_context(viewport=VIEWPORTS["phone"], locale="en-GB")
    sign_in(context, live_server, member(username="reader"))
    page = context.new_page()
    page.set_default_timeout(15_000)
    too_wide = {}
    try:
        for url in urls:
            response = page.goto(live_server.url + url)
            assert response.status == 200, url
            widths = page.evaluate(
                "() => [document.documentElement.scrollWidth, window.innerWidth]"
            )
            if widths[0] > widths[1]:
                too_wide[url] = (widths, page.evaluate(WIDEST))
            if url in new_templates:
                assert_accessible(page)
            if url == event.url:
                # The event page has the layout's container: its heading sits inside the
                # gutter on a phone, and lines up with the header's content on a laptop.
                assert page.locator("main h1").first.bounding_box()["x"] >= 12
                page.set_viewport_size(VIEWPORTS["desktop"])
                heading = page.locator("main h1").first.bounding_box()["x"]
                header = page.locator(".site-header__inner").bounding_box()
                assert header["x"] + 8 <= heading <= header["x"] + 40, (heading, header)
                page.set_viewport_size(VIEWPORTS["phone"])
    finally:
        context.close()
    assert not too_wide, too_wide
