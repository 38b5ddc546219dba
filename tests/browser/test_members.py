"""The member's home in a browser: log in, dashboard with panels and the unread count, a
notification that lands on the reply, a badge on the public profile; axe on every page."""

import re

import pytest
from django.conf import settings
from django.utils import timezone
from django_comments_xtd.models import XtdComment

from civic_wagtail.discussion.models import Thread
from civic_wagtail.members.models import get_profile
from civic_wagtail.members.notify import notify
from civic_wagtail.recognition.models import Award
from tests.browser.axe import assert_accessible
from tests.discussion.helpers import make_forum
from tests.factories import TopicFactory, member
from tests.members.helpers import PASSWORD, account
from tests.recognition.helpers import badge


@pytest.fixture
def members_world(transactional_db, home_page):
    vera = account("vera")
    profile = get_profile(vera)
    profile.display_name = "Vera Lind"
    profile.save()
    otto = member(username="otto")
    forum = make_forum(home_page, TopicFactory(name="Permits", slug="permits"))[1]
    thread = Thread.objects.create(forum=forum, title="Backlogs in permits", body="Ideas?",
                                   author=vera, reply_count=1, last_poster=otto)
    reply = XtdComment.objects.create(
        content_object=thread, site_id=settings.SITE_ID, user=otto, user_name="Otto",
        user_email=otto.email, comment="We triage by risk.", is_public=True,
        submit_date=timezone.now(),
    )
    Thread.objects.filter(pk=thread.pk).update(last_activity_at=timezone.now())
    notify(vera, "discussion.reply", "Otto replied in “Backlogs in permits”",
           url=f"{thread.get_url()}#c{reply.pk}", actor=otto, key="browser:1")
    notify(vera, "review.decision", "A reviewer approved “Permits in a day”", url="/")
    award = Award.objects.create(badge=badge(), recipient=vera, evidence_url=thread.get_url())
    return {"vera": vera, "reply": reply, "award": award}


def test_member_journey(page, live_server, members_world):
    vera, reply, award = members_world["vera"], members_world["reply"], members_world["award"]
    page.goto(live_server.url + "/accounts/login/?next=/members/me/")
    page.fill("input[name=login]", vera.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(re.compile(r"/members/me/$"))
    assert page.locator("h1").inner_text() == "Welcome, Vera Lind"
    assert page.locator(".cw-count").first.inner_text() == "2"
    headings = page.locator(".cw-dashboard h2").all_inner_texts()
    assert "Threads you follow with new replies" in headings
    assert "Your submissions" in headings
    assert page.locator("#cw-dash-threads").get_by_text("Backlogs in permits").is_visible()
    assert_accessible(page)

    page.get_by_role("link", name=re.compile("^Notifications")).first.click()
    page.wait_for_url(re.compile(r"/members/notifications/$"))
    assert "2 unread notifications" in page.locator(".cw").inner_text()
    assert_accessible(page)
    page.get_by_role("link", name="Otto replied in “Backlogs in permits”").click()
    page.wait_for_url(re.compile(rf"#c{reply.pk}$"))
    assert page.locator(f"#c{reply.pk}").is_visible()
    assert "We triage by risk." in page.locator(f"#c{reply.pk}").inner_text()

    page.goto(live_server.url + f"/members/{get_profile(vera).pk}/")
    assert page.locator(".cw-count").first.inner_text() == "1"
    assert_accessible(page)
    page.get_by_role("link", name="First story").click()
    page.wait_for_url(re.compile(rf"/recognition/assertions/{award.uid}/$"))
    assert page.locator("h1").inner_text() == "First story"
    assert "Awarded to Vera Lind" in page.locator(".cw").inner_text()
    assert_accessible(page)
    no_sideways_scroll = page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    assert no_sideways_scroll


def test_account_pages_and_this_helped_me_are_accessible(browser, viewport, live_server,
                                                         members_world, home_page):
    from django.test import Client

    from tests.library.helpers import library_index
    from tests.recognition.helpers import published_case

    case = published_case(library_index(home_page), members_world["vera"], 1)
    otto = members_world["reply"].user
    client = Client()
    client.force_login(otto)
    context = browser.new_context(viewport=viewport, locale="en-GB")
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value,
                          "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        for path, heading in [
            ("/members/notifications/settings/", "Notification settings"),
            ("/members/me/data/", "Download your data"),
            ("/members/me/delete/", "Delete your account"),
        ]:
            page.goto(live_server.url + path)
            assert page.locator("h1").inner_text() == heading
            assert_accessible(page)
        page.goto(live_server.url + case.url)
        button = page.get_by_role("button", name="This helped me")
        button.click()
        page.wait_for_load_state()
        assert "1 member said this helped them." in page.locator(".cw-kudos").inner_text()
        assert page.get_by_role("button", name="This helped me").get_attribute(
            "aria-pressed") == "true"
        assert_accessible(page)
    finally:
        context.close()
