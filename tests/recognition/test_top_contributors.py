""""Top contributors this quarter" per topic: no public ranking unless the site enables it;
when it does, counted in the database for the quarter, within each member's privacy."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from civic_wagtail.members.models import get_profile
from civic_wagtail.recognition.top import quarter_start, top_contributors
from tests.factories import TopicFactory, member
from tests.library.helpers import case_study, library_index, practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(home_page):
    library = library_index(home_page)
    permits = TopicFactory(name="Permits", slug="permits")
    waste = TopicFactory(name="Waste", slug="waste")
    ana, ben, cy = (member(username=name) for name in ("ana", "ben", "cy"))
    for user, name in ((ana, "Ana"), (ben, "Ben"), (cy, "Cy")):
        profile = get_profile(user)
        profile.display_name = name
        profile.save()
    n = iter(range(1000))

    def add(owner, topic, when=None, kind="case"):
        i = next(n)
        if kind == "case":
            page = case_study(library, topics=[topic], owner=owner, title=f"C{i}", slug=f"c{i}")
        else:
            page = practice(library, title=f"P{i}", slug=f"p{i}", topics=[topic], owner=owner)
        page.save_revision().publish()
        if when is not None:
            type(page).objects.filter(pk=page.pk).update(first_published_at=when)
        return page

    return {"add": add, "permits": permits, "waste": waste, "ana": ana, "ben": ben, "cy": cy}


def test_off_by_default_no_public_ranking(client, world):
    world["add"](world["ana"], world["permits"])
    assert client.get("/recognition/top/").status_code == 404
    assert client.get("/recognition/top/permits/").status_code == 404


def test_ranks_this_quarters_contributors_per_topic(client, world, settings):
    settings.CIVIC_WAGTAIL_RECOGNITION_TOP_CONTRIBUTORS = True
    add, permits = world["add"], world["permits"]
    ana, ben, cy = world["ana"], world["ben"], world["cy"]
    add(ana, permits)
    add(ben, permits)
    add(ben, permits, kind="practice")
    add(cy, world["waste"])  # another topic
    last_quarter = quarter_start() - timedelta(days=2)
    for _ in range(3):
        add(cy, permits, when=last_quarter)  # before this quarter
    unpublished = add(ana, permits)
    unpublished.unpublish()
    rows = top_contributors(permits)
    assert [(profile.display_name, count) for profile, count in rows] == [("Ben", 2), ("Ana", 1)]
    html = client.get("/recognition/top/").content.decode()
    assert 'href="/recognition/top/permits/"' in html
    html = client.get("/recognition/top/permits/").content.decode()
    assert html.index("Ben") < html.index("Ana") and "Cy" not in html
    assert "2 contributions" in html and "1 contribution" in html
    assert client.get("/recognition/top/no-such-topic/").status_code == 404


def test_members_who_hide_their_contributions_are_not_ranked(world, settings):
    settings.CIVIC_WAGTAIL_RECOGNITION_TOP_CONTRIBUTORS = True
    world["add"](world["ana"], world["permits"])
    world["add"](world["ben"], world["permits"])
    profile = get_profile(world["ana"])
    profile.public_fields = ["organisation"]
    profile.save()
    assert [p.display_name for p, _ in top_contributors(world["permits"])] == ["Ben"]


def test_ranking_is_one_query_whatever_the_number_of_contributions(world):
    add, permits = world["add"], world["permits"]
    add(world["ana"], permits)

    def cost():
        with CaptureQueriesContext(connection) as ctx:
            rows = top_contributors(permits)
        return len(ctx.captured_queries), rows

    cost()
    small, _ = cost()
    for user in (world["ben"], world["cy"]):
        for _ in range(4):
            add(user, permits)
    large, rows = cost()
    # The view restrictions (``.public()``) once per page type, then the ranking itself.
    assert small == large == 3
    assert [count for _, count in rows] == [4, 4, 1]


def test_quarter_start():
    now = timezone.make_aware(timezone.datetime(2030, 8, 17, 15, 0))
    start = quarter_start(now)
    assert (start.year, start.month, start.day, start.hour) == (2030, 7, 1, 0)
