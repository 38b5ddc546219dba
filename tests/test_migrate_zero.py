"""Every feature app migrates to zero and back cleanly, and `migrate civic_wagtail zero` takes
every app of the package with it (review's tables stayed behind before its first migration
declared the core as a dependency). Runs in the test database, outside a transaction; after it
the schema is whole again. Not in an xdist group: xdist schedules the largest groups first,
and a transactional test at the start of a worker flushes the data every later test there
expects (pytest-django runs transactional tests last for that reason).

Migrating the core to zero takes every feature with it, so one round trip runs every backward
and forward operation of the package for real (each run renders the project's whole state, about
7 s, which is why there are two and not one per feature). That features never depend on each
other, so each can also leave alone, is read off the migration graph.
"""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from civic_wagtail.features import FEATURES

pytestmark = pytest.mark.django_db(transaction=True)

FEATURE_LABELS = {feature.label for feature in FEATURES}
# improvement 0002 copies mentorship goals, and depends on mentoring only when it is installed.
CONDITIONAL = {("civic_wagtail_improvement", "civic_wagtail_mentoring")}


def tables(prefix):
    return sorted(t for t in connection.introspection.table_names() if t.startswith(prefix))


def migrate(*args):
    call_command("migrate", *args, verbosity=0, interactive=False)


def test_no_feature_migration_depends_on_another_feature():
    graph = MigrationLoader(None, ignore_no_migrations=True).graph
    for key, node in graph.nodes.items():
        if key[0] not in FEATURE_LABELS:
            continue
        for app_label, _name in node.dependencies:
            if app_label != key[0] and (key[0], app_label) not in CONDITIONAL:
                assert app_label not in FEATURE_LABELS, (key, app_label)


def test_every_operation_of_the_package_can_be_reversed():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    labels = FEATURE_LABELS | {"civic_wagtail", "civic_wagtail_members"}
    for (app_label, name), migration in loader.disk_migrations.items():
        if app_label in labels:
            for operation in migration.operations:
                assert operation.reversible, (app_label, name, operation.describe())


def test_the_core_migrates_to_zero_with_every_feature_and_back():
    for feature in FEATURES:
        assert tables(feature.label + "_"), feature.label
    migrate("civic_wagtail", "zero")
    assert tables("civic_wagtail") == []
    migrate()
    for feature in FEATURES:
        assert tables(feature.label + "_"), feature.label
