"""Every feature app migrates to zero and back cleanly, and `migrate civic_wagtail zero` takes
every app of the package with it (review's tables stayed behind before its first migration
declared the core as a dependency). Runs in the test database, outside a transaction; after it
the schema is whole again. Its own xdist group keeps it from sharing a worker's timing with
the demo checks."""

import pytest
from django.core.management import call_command
from django.db import connection

from civic_wagtail.features import FEATURES

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.xdist_group("migrations")]


def tables(prefix):
    return sorted(t for t in connection.introspection.table_names() if t.startswith(prefix))


def migrate(*args):
    call_command("migrate", *args, verbosity=0, interactive=False)


def test_each_feature_and_the_core_migrate_to_zero_and_back():
    for feature in FEATURES:
        assert tables(feature.label + "_"), feature.label
        migrate(feature.label, "zero")
        assert tables(feature.label + "_") == [], feature.label
        migrate(feature.label)
        assert tables(feature.label + "_"), feature.label
    migrate("civic_wagtail", "zero")
    assert tables("civic_wagtail") == []
    migrate()
    for feature in FEATURES:
        assert tables(feature.label + "_"), feature.label
