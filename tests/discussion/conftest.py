import pytest
from django.core.cache import cache

from civic_wagtail.discussion.models import ForumIndexPage, ForumTopicPage, Thread
from tests.factories import TopicFactory, member


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    # Rate-limit counters live in the cache; tests must not inherit each other's.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def forum_index(home_page):
    index = ForumIndexPage(title="Forums", slug="forum")
    home_page.add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def forum(forum_index):
    topic = TopicFactory(name="Permits", slug="permits")
    page = ForumTopicPage(title="Permits", slug="permits", topic=topic)
    forum_index.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def thread(forum, verified_member):
    return Thread.objects.create(
        forum=forum,
        title="How do you handle backlogs?",
        body="We need ideas.",
        author=verified_member,
    )


@pytest.fixture
def moderator(db):
    return member(username="mona", role_names=["moderators"])


@pytest.fixture
def editor(db):
    return member(username="eddie", role_names=["editors"])
