"""A newcomer asks to join a working group; the lead accepts; the member posts in a private
thread, shares a file and logs an experiment that failed; the lead turns the pilot into a case
study that enters review. Every group template is checked with axe at 375 and 1280 px."""

import re

import pytest
from django.test import Client
from wagtail import hooks

from civic_wagtail import drafts
from civic_wagtail.groups import membership
from civic_wagtail.groups.models import WorkingGroup
from tests.browser.axe import assert_accessible
from tests.factories import TopicFactory, member


def _context_for(browser, viewport, live_server, user):
    context = browser.new_context(viewport=viewport, locale="en-GB")
    client = Client()
    client.force_login(user)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def _check(page):
    assert_accessible(page)
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    ), page.url


@pytest.fixture
def groups_world(home_page):
    from civic_wagtail.discussion.models import ForumIndexPage, ForumTopicPage
    from civic_wagtail.groups.pages import GroupIndexPage

    page = GroupIndexPage(title="Working groups", slug="groups", intro="Pilots together.")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    index = ForumIndexPage(title="Forums", slug="forum")
    home_page.add_child(instance=index)
    index.save_revision().publish()
    topic = TopicFactory(name="Waste", slug="waste")
    forum = ForumTopicPage(title="Waste", slug="waste", topic=topic)
    index.add_child(instance=forum)
    forum.save_revision().publish()
    lead = member(username="lena")
    group = membership.create_group(
        lead,
        name="Smarter waste routes",
        slug="smarter-waste-routes",
        purpose="Cities test sensor-driven routes.",
        visibility="members",
        joining="request",
        topics=[topic],
    )
    group.hypothesis = "Sensors cut distance by a fifth."
    group.save()
    return {"lead": lead, "newcomer": member(username="nina"), "group": group}


@pytest.fixture
def submitted():
    received = []

    class Drafted:
        pk = 777
        title = "Smarter waste routes: what our pilot learned"

    def submit(draft, *, user, site=None, locale=None):
        received.append(draft)
        return Drafted()

    with hooks.register_temporarily(drafts.HOOK, submit):
        yield received


def test_join_post_share_log_and_draft(
    browser, viewport, live_server, groups_world, submitted, tmp_path
):
    world = groups_world
    base = live_server.url + "/groups/"
    nina_ctx, nina = _context_for(browser, viewport, live_server, world["newcomer"])
    nina.goto(base)
    _check(nina)
    nina.get_by_role("link", name="Smarter waste routes").click()
    _check(nina)
    nina.get_by_label("Message to the leads (optional)").fill("We run a similar pilot.")
    nina.get_by_role("button", name="Ask to join").click()
    assert "Your request is sent" in nina.content()

    lena_ctx, lena = _context_for(browser, viewport, live_server, world["lead"])
    lena.goto(base + "smarter-waste-routes/members/")
    _check(lena)
    lena.get_by_role("button", name="Approve Nina").click()
    assert "The request is approved." in lena.content()

    nina.goto(base + "smarter-waste-routes/threads/")
    _check(nina)
    nina.get_by_label("Title").fill("Our route data")
    nina.get_by_label("Message").fill("Here is what we measured.")
    nina.get_by_role("button", name="Start the thread").click()
    nina.wait_for_url(re.compile(r"/forum/waste/\d+/$"))
    assert nina.get_by_role("heading", level=1).inner_text() == "Our route data"

    nina.goto(base + "smarter-waste-routes/files/")
    upload = tmp_path / "routes.txt"
    upload.write_text("route notes")
    nina.get_by_label("Title").fill("Route notes")
    nina.locator("input[type=file]").set_input_files(str(upload))
    nina.get_by_role("button", name="Share with the group").click()
    nina.get_by_role("link", name="Route notes").wait_for()  # after the redirect
    assert "The file is shared with the group." in nina.content()
    _check(nina)

    nina.goto(base + "smarter-waste-routes/events/")
    _check(nina)

    nina.goto(base + "smarter-waste-routes/pilot/")
    _check(nina)
    nina.get_by_label("What was tried").fill("Routes sent to drivers' phones")
    nina.get_by_label("Where").fill("Old town")
    nina.get_by_label("When (start)").fill("2026-03-01")
    nina.get_by_label("Result").select_option("failed")
    nina.get_by_role("button", name="Add to the log").click()
    assert "Say why it did not work" in nina.content()
    _check(nina)
    nina.get_by_label("What happened and why").fill("No mobile signal in the old town.")
    nina.get_by_role("button", name="Add to the log").click()
    assert "The experiment is in the pilot log." in nina.content()

    lena.goto(base + "smarter-waste-routes/pilot/")
    _check(lena)
    lena.get_by_role("button", name="Draft the case study and send it to review").click()
    assert "waits for peer review" in lena.content()
    (draft,) = submitted
    assert "No mobile signal in the old town." in draft.what_did_not_work
    assert {user.username for user in draft.contributors} == {"lena", "nina"}
    assert WorkingGroup.objects.get().status == "finished"

    lena.goto(base + "smarter-waste-routes/")
    _check(lena)
    lena.goto(base + "new/")
    _check(lena)
    nina_ctx.close()
    lena_ctx.close()


def test_invitation_page(browser, viewport, live_server, groups_world):
    world = groups_world
    invited = member(username="ivy", email="ivy@county.example.gov")
    invitation = membership.invite(world["lead"], world["group"], "ivy@county.example.gov")
    ctx, page = _context_for(browser, viewport, live_server, invited)
    page.goto(f"{live_server.url}/groups/invitations/{invitation.token}/")
    _check(page)
    page.get_by_role("button", name="Accept and join the group").click()
    assert "Welcome" in page.content()
    ctx.close()
