from contextlib import contextmanager

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings
from wagtail.models import Collection, Locale, Page, Site
from wagtail.signal_handlers import reference_index_auto_update_disabled

from tests import dbtemplate


def pytest_configure(config):
    """With xdist workers, migrate once into a template that each worker copies (dbtemplate)."""
    if dbtemplate.wanted(config):
        dbtemplate.start(config)
    elif hasattr(config, "workerinput"):
        dbtemplate.install()


def pytest_collection_modifyitems(items):
    """No transactional test in an xdist group: `--dist loadgroup` sends the largest groups to
    the workers first, and a transactional test's flush would then empty the data (root page,
    locale, site, collections) of every test after it on that worker."""
    for item in items:
        db = item.get_closest_marker("django_db")
        if item.get_closest_marker("xdist_group") and db and db.kwargs.get("transaction"):
            raise pytest.UsageError(f"{item.nodeid}: a transactional test in an xdist_group")


def pytest_unconfigure(config):
    if hasattr(config, "_civic_db_template"):
        dbtemplate.stop(config)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate limits and counters live in the cache: every test starts with an empty one."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield


@pytest.fixture(autouse=True)
def _no_reference_index_updates():
    """Reference-index updates are off in tests, like search-index updates (tests/settings.py).

    The immediate task backend would run them inside every save. Tests that need either
    index use the ``index_updates`` fixture.
    """
    reference_index_auto_update_disabled.value = True
    yield
    reference_index_auto_update_disabled.value = False


@contextmanager
def index_updates_on():
    """Search-index and reference-index updates on every save, as in production."""
    backends = {
        name: {**backend, "AUTO_UPDATE": True}
        for name, backend in settings.WAGTAILSEARCH_BACKENDS.items()
    }
    disabled = getattr(reference_index_auto_update_disabled, "value", False)
    reference_index_auto_update_disabled.value = False
    try:
        with override_settings(WAGTAILSEARCH_BACKENDS=backends):
            yield
    finally:
        reference_index_auto_update_disabled.value = disabled


@pytest.fixture
def index_updates(_no_reference_index_updates):
    """Opt in to search-index and reference-index updates (off in tests by default)."""
    with index_updates_on():
        yield


@pytest.fixture
def home_page(db):
    """The demo's HomePage as the default site's root."""
    return make_home_page()


def make_home_page():
    """Build the ``home_page`` fixture's page; for module-scoped fixtures that cannot use it."""
    from home.models import HomePage

    locale, _ = Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    if root is None:  # transactional tests flush the tree that migrations made
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if Collection.get_first_root_node() is None:  # and the root collection
        Collection.add_root(name="Root")
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

