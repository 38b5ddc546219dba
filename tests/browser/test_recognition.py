"""The parts of recognition added for issue 15 in a browser, at 375 and 1280 px: "This helped
me" under a thread's replies, speakers on an event and on the speaker's profile, and the
top contributors pages (when a site enables them). Axe on each, no sideways scroll."""

import re

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from django_comments_xtd.models import XtdComment

from civic_wagtail.discussion.models import Thread
from civic_wagtail.members.models import get_profile
from tests.browser.axe import assert_accessible
from tests.discussion.helpers import make_forum
from tests.events.helpers import make_event, make_index
from tests.factories import TopicFactory, member
from tests.library.helpers import case_study, library_index


@pytest.fixture
def world(transactional_db, home_page):
    vera = member(username="vera")
    profile = get_profile(vera)
    profile.display_name = "Vera Lind"
    profile.save()
    otto = member(username="otto")
    topic = TopicFactory(name="Permits", slug="permits")
    forum = make_forum(home_page, topic)[1]
    thread = Thread.objects.create(forum=forum, title="Backlogs in permits", body="Ideas?",
                                   author=vera, reply_count=1, last_poster=otto)
    reply = XtdComment.objects.create(
        content_object=thread, site_id=settings.SITE_ID, user=otto, user_name="Otto",
        user_email=otto.email, comment="We triage by risk.", is_public=True,
        submit_date=timezone.now(),
    )
    event = make_event(make_index(home_page), title="Permit clinic", slug="clinic",
                       publish=False)
    event.speakers.set([vera])
    event.save_revision().publish()
    case = case_study(library_index(home_page), topics=[topic], owner=vera, title="Our story",
                      slug="our-story")
    case.save_revision().publish()
    return {"vera": vera, "otto": otto, "thread": thread, "reply": reply, "event": event,
            "profile": profile}


def _signed_in(browser, viewport, live_server, user):
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport=viewport, locale="en-GB")
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value,
                          "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def _check(page):
    assert_accessible(page)
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


def test_this_helped_me_under_a_reply(browser, viewport, live_server, world):
    context, page = _signed_in(browser, viewport, live_server, world["vera"])
    reply = world["reply"]
    try:
        page.goto(live_server.url + world["thread"].get_url())
        comment = page.locator(f"#c{reply.pk}")
        button = comment.get_by_role("button", name=re.compile("^This helped me"))
        assert button.get_attribute("aria-pressed") == "false"
        _check(page)
        button.click()
        page.wait_for_url(re.compile(rf"#c{reply.pk}$"))
        button = page.locator(f"#c{reply.pk}").get_by_role(
            "button", name=re.compile("^This helped me")
        )
        assert button.get_attribute("aria-pressed") == "true"
        assert "(1)" in button.inner_text()
        _check(page)
    finally:
        context.close()
    page = browser.new_page(viewport=viewport)
    try:
        page.goto(live_server.url + world["thread"].get_url())
        assert "1 member said this helped them" in page.locator(f"#c{reply.pk}").inner_text()
    finally:
        page.close()


def test_speakers_on_the_event_and_the_profile(page, live_server, world):
    page.goto(live_server.url + world["event"].url)
    page.get_by_role("link", name="Vera Lind").click()
    page.wait_for_url(re.compile(rf"/members/{world['profile'].pk}/$"))
    section = page.locator("#cw-spoken-at-heading")
    assert section.inner_text() == "Events they spoke at"
    assert page.get_by_role("link", name="Permit clinic").is_visible()
    _check(page)
    page.goto(live_server.url + world["event"].url)
    _check(page)


def test_top_contributors_pages(page, live_server, world, settings):
    settings.CIVIC_WAGTAIL_RECOGNITION_TOP_CONTRIBUTORS = True
    page.goto(live_server.url + "/recognition/top/")
    assert page.locator("h1").inner_text() == "Top contributors this quarter"
    _check(page)
    page.locator('a[href="/recognition/top/permits/"]').click()
    page.wait_for_url(re.compile(r"/recognition/top/permits/$"))
    assert "Vera Lind" in page.locator("ol.cw-top-contributors").inner_text()
    _check(page)
