"""The demo home page built from the package's blocks: what it shows, its pinned query count
(the same for small and large content), the cache and its purge on publish."""

from datetime import date

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from civic_wagtail.bulk import bulk_add_children
from civic_wagtail.discussion.models import Thread
from civic_wagtail.mentoring.pages import MentoringPage
from civic_wagtail.review.models import ReviewRecord
from tests.discussion.helpers import make_forum
from tests.events.helpers import bulk_events, make_event, make_index
from tests.factories import TopicFactory, member
from tests.library.helpers import case_study, library_index, new_practice, practice
from tests.mentoring.helpers import make_mentor

pytestmark = pytest.mark.django_db

BLOCKS = [
    ("search", {"label": ""}),
    ("latest_practices", {"heading": "", "count": 4}),
    ("newest_case_studies", {"heading": "", "count": 4}),
    ("upcoming_events", {"heading": "", "count": 4}),
    ("active_discussions", {"heading": "", "count": 4}),
    ("available_mentors", {"heading": "", "count": 4}),
]


def reviewed(page, days_ago=1):
    return ReviewRecord.objects.create(
        page=page, reviewed_at=timezone.now() - timezone.timedelta(days=days_ago),
        review_due=date(2031, 1, 1), reviewer_count=2,
    )


@pytest.fixture
def community(home_page):
    library = library_index(home_page)
    tracker = practice(library, "Permit tracker")
    reviewed(tracker)
    practice(library, "Unreviewed compost")
    case_study(library, [tracker], title="Tracker in Lyon", place="Lyon, France")
    events = make_index(home_page)
    make_event(events, "Permit clinic", start_date=date(2030, 3, 5), end_date=date(2030, 3, 5))
    topic = TopicFactory(slug="permits")
    _index, forum = make_forum(home_page, topic)
    author = member(username="author")
    Thread.objects.create(forum=forum, title="Who digitised permits?", body="b", author=author)
    mentoring = MentoringPage(title="Mentoring", slug="mentoring")
    home_page.add_child(instance=mentoring)
    mentoring.save_revision().publish()
    make_mentor("ada")
    home_page.activity = BLOCKS
    home_page.save_revision().publish()
    return {"library": library, "events": events, "forum": forum, "author": author,
            "topic": topic}


def test_home_page_shows_every_block_with_content(client, community):
    html = client.get("/").content.decode()
    for heading in ("Latest peer-reviewed practices", "Newest case studies", "Upcoming events",
                    "Active discussions", "Mentors available now"):
        assert f">{heading}</h2>" in html
    assert "Permit tracker" in html and "Unreviewed compost" not in html  # reviewed only
    assert "Peer reviewed" in html
    assert "Tracker in Lyon" in html and "Permit clinic" in html
    assert "Who digitised permits?" in html and "ada" in html
    assert 'action="/search/"' in html and 'name="q"' in html


def count_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    return len(queries)


def grow(community, size):
    """``size`` more practices (reviewed), events and threads, built in bulk."""
    pages = bulk_add_children(
        community["library"], [new_practice(f"Bulk {i}", slug=f"bulk-{i}") for i in range(size)]
    )
    ReviewRecord.objects.bulk_create(
        ReviewRecord(page=page, reviewed_at=timezone.now(), review_due=date(2031, 1, 1),
                     reviewer_count=2)
        for page in pages
    )
    bulk_events(community["events"], size)
    Thread.objects.bulk_create(
        Thread(forum=community["forum"], title=f"Thread {i}", body="b", author=community["author"])
        for i in range(size)
    )


#: Serving the home page with every block's rendering in the cache: routing (site, page,
#: locale), the demo's menu and the page's own queries; the blocks cost nothing.
WARM_QUERIES = 12
#: On an empty cache the blocks run their queries: one each for practices, case studies, events
#: and threads; the mentors, the mentoring page they link to (two) and its URL; and Wagtail's
#: site root paths, which the cleared cache held. The events' changed dates add one only when a
#: shown event repeats (none here).
COLD_QUERIES = 21


def test_home_page_queries_do_not_grow_with_content(client, community):
    client.get("/")
    warm_small = count_queries(client)
    cache.clear()
    cold_small = count_queries(client)
    grow(community, 300)
    cache.clear()
    assert count_queries(client) == cold_small
    assert count_queries(client) == warm_small
    assert (warm_small, cold_small) == (WARM_QUERIES, COLD_QUERIES)
    html = client.get("/").content.decode()
    assert html.count("Peer reviewed") == 4  # the four newest practices; the case study is not


def test_publishing_purges_the_blocks_and_previews_are_not_cached(client, community):
    assert "Freshly reviewed" not in client.get("/").content.decode()
    fresh = practice(community["library"], "Freshly reviewed")
    reviewed(fresh, days_ago=0)
    fresh.save_revision().publish()
    assert "Freshly reviewed" in client.get("/").content.decode()
    Thread.objects.create(forum=community["forum"], title="A brand new thread", body="b",
                          author=community["author"])
    assert "A brand new thread" in client.get("/").content.decode()
