"""A small site with something to find in every search: library, calendar, forum, admin."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents import get_document_model

from civic_wagtail.discussion.models import Thread
from tests.discussion.helpers import make_forum
from tests.events.helpers import make_event, make_index
from tests.factories import TopicFactory, member
from tests.library.helpers import IndicatorFactory, library_index, practice


@pytest.fixture
def hostile_site(home_page):
    """The pages and records every finding needs; searches for "permit" find each kind."""
    topic = TopicFactory(name="Permits", slug="permits")
    index = library_index(home_page)
    practice(index, "Permit tracker", topics=[topic])
    IndicatorFactory(name="Permit processing time", slug="permit-days")
    get_document_model().objects.create(
        title="Permit guide", file=ContentFile(b"permits", name="permit-guide.txt")
    )
    calendar = make_index(home_page)
    make_event(calendar, topics=[topic])
    _forums, forum = make_forum(home_page, topic)
    author = member(username="vera")
    Thread.objects.create(
        forum=forum, title="Permit backlogs", body="How do you clear them?", author=author
    )
    return {"library": index, "calendar": calendar, "forum": forum, "author": author}


@pytest.fixture
def anonymous():
    """A client that returns the 500 response instead of raising, as a browser would see it."""
    return Client(raise_request_exception=False)


@pytest.fixture
def admin_client_500(db):
    admin = get_user_model().objects.create_superuser("root", "root@city.example.gov", "pw")
    client = Client(raise_request_exception=False)
    client.force_login(admin)
    return client
