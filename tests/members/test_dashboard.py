"""The member's dashboard at /members/me/ and the ``civic_wagtail_dashboard_panels`` hook."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail import hooks

from civic_wagtail.members.dashboard import DashboardPanel, dashboard_panels

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_are_asked_to_log_in(client):
    response = client.get("/members/me/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_member_sees_their_panels(client, home_page, verified_member):
    client.force_login(verified_member)
    html = client.get("/members/me/").content.decode()
    assert "Welcome, Vera" in html
    assert "Your submissions" in html
    assert "Threads you follow with new replies" in html
    assert "Events you attend" in html
    # Members who review nothing see no review panel.
    assert "Reviews waiting for you" not in html


def test_a_site_adds_a_panel_through_the_hook(rf, verified_member, settings):
    request = rf.get("/members/me/")
    request.user = verified_member
    with (
        hooks.register_temporarily(
            "civic_wagtail_dashboard_panels",
            lambda request: DashboardPanel(request, title="First", order=-5, html="<p>one</p>"),
        ),
        hooks.register_temporarily("civic_wagtail_dashboard_panels", lambda request: None),
    ):
        panels = dashboard_panels(request)
    assert panels[0].title == "First"
    assert str(panels[0].html) == "<p>one</p>"
    assert [p.order for p in panels] == sorted(p.order for p in panels)


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_dashboard_costs_the_same_with_long_lists(client, home_page, verified_member):
    """The composition, pinned once: each app's own panel is pinned in its app's tests."""
    from civic_wagtail.discussion.models import Thread
    from tests.discussion.helpers import make_forum
    from tests.events.helpers import make_index
    from tests.factories import TopicFactory, member

    _, forum = make_forum(home_page, TopicFactory(name="Permits", slug="permits"))
    other = member(username="otto")
    client.force_login(verified_member)

    def add_threads(count, start):
        Thread.objects.bulk_create(
            Thread(
                forum=forum,
                title=f"T{start + i}",
                body="b",
                author=verified_member,
                reply_count=1,
                last_poster=other,
            )
            for i in range(count)
        )
        from django.utils import timezone

        Thread.objects.update(last_activity_at=timezone.now())

    make_index(home_page)
    add_threads(1, 0)
    _queries(client, "/members/me/")  # warm per-process caches (content types, site roots)
    small = _queries(client, "/members/me/")
    add_threads(30, 1)
    large = _queries(client, "/members/me/")
    assert small == large
