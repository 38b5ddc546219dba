import pytest
from django.db import connection
from wagtail.models import Locale, Page, Site


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate limits and counters live in the cache: every test starts with an empty one."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield


@pytest.fixture
def home_page(db):
    """The demo's HomePage as the default site's root."""
    from home.models import HomePage

    locale, _ = Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    if root is None:  # transactional tests flush the tree that migrations made
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    for old in root.get_children().filter(slug="home"):
        old.slug = f"welcome-{old.pk}"
        old.save()
    home = HomePage(title="Civic Exchange", slug="home", intro="Welcome.")
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Civic"},
    )
    return home


@pytest.fixture
def verified_member(db):
    from tests.factories import member

    return member(username="vera")


@pytest.fixture
def pending_member(db):
    from tests.factories import member

    return member(username="penny", verified=False, email="penny@example.com")


def pytest_report_header(config):
    return f"database vendor: {connection.vendor}"

