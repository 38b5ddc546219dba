"""A small site with something to find in every search: library, calendar, forum, admin."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client
from wagtail.documents import get_document_model

from civic_wagtail.discussion.models import Thread
from tests.conftest import index_updates_on, make_home_page
from tests.discussion.helpers import make_forum
from tests.events.helpers import make_event, make_index
from tests.factories import TopicFactory, member
from tests.library.helpers import IndicatorFactory, library_index, practice


@pytest.fixture(scope="module")
def hostile_site(django_db_setup, django_db_blocker):
    """The pages and records every finding needs; searches for "permit" find each kind.

    Built once per module, search-indexed, inside a transaction rolled back after the module;
    its tests take ``db`` too, so each runs in a savepoint of that transaction (as
    ``tests/security``'s ``world`` does).
    """
    with django_db_blocker.unblock(), transaction.atomic():
        with index_updates_on():
            site = _build_hostile_site(make_home_page())
        yield site
        transaction.set_rollback(True)


def _build_hostile_site(home_page):
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
