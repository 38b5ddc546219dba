"""One migrated test database per run, copied into each pytest-xdist worker.

Migrating is the most expensive thing a test process does (240 migrations, most of their cost
in Django re-rendering model states, not in SQL). With ``-n 2`` each worker used to migrate its
own database. Now the xdist controller starts ``python -m tests.dbtemplate`` in the background
as soon as pytest is configured: it runs every migration once, into a template (a SQLite file,
or a PostgreSQL database ``<test name>_template``), while the workers start and collect. Each
worker's test database is then a copy of that template: SQLite's online backup API into the
worker's in-memory database, or PostgreSQL's ``CREATE DATABASE ... TEMPLATE``. Migrations and
their ``post_migrate`` handlers still run once per run, on the database being tested.

Used only when the run has workers and creates its databases (``make test``, ``.ci/run``);
``-n 0``, ``--reuse-db`` and ``--nomigrations`` keep pytest-django's own set-up.
"""

import fcntl
import os
import shutil
import subprocess
import sys
import tempfile
import time

#: Set by the controller for its workers: the directory holding the template and its marker.
ENV = "CIVIC_TEST_DB_TEMPLATE_DIR"
#: How long a worker waits for the template before it gives up (a loaded machine is slow; a
#: failed migration is reported as soon as its traceback is in the log).
TIMEOUT = 3600


# --- the controller -------------------------------------------------------------------------


def wanted(config):
    """Whether this pytest process is an xdist controller that should build a template."""
    if hasattr(config, "workerinput") or config.option.collectonly:
        return False
    workers = getattr(config.option, "numprocesses", None)
    if not workers or not config.pluginmanager.has_plugin("xdist"):
        return False
    reuse = config.getoption("reuse_db", False) and not config.getoption("create_db", False)
    return not reuse and not config.getoption("nomigrations", False)


def start(config):
    """Start migrating the template in a child process; its workers find it through ``ENV``."""
    directory = tempfile.mkdtemp(prefix="civic-test-db-")
    path = os.environ.get("PYTHONPATH", "")
    log = open(os.path.join(directory, "migrate.log"), "wb")  # closed in stop()
    process = subprocess.Popen(  # noqa: S603 (our own interpreter and module)
        [sys.executable, "-m", "tests.dbtemplate", directory],
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=str(config.rootpath),
        env={**os.environ, "PYTHONPATH": os.pathsep.join([".", "example_site", path])},
    )
    os.environ[ENV] = directory
    config._civic_db_template = (process, log, directory)


def stop(config):
    """Wait for the child, drop a PostgreSQL template, remove the directory."""
    process, log, directory = config._civic_db_template
    if process.poll() is None:  # no worker needed a database before the run ended
        process.terminate()
    process.wait()
    log.close()
    os.environ.pop(ENV, None)
    name_file = os.path.join(directory, "postgres-template")
    if os.path.exists(name_file):
        from django.db import connection
        from pytest_django.plugin import blocking_manager_key

        with open(name_file) as handle:
            name = handle.read().strip()
        with config.stash[blocking_manager_key].unblock(), connection.creation._nodb_cursor() as c:
            c.execute(f"DROP DATABASE IF EXISTS {connection.ops.quote_name(name)}")
    shutil.rmtree(directory, ignore_errors=True)


# --- the child: migrate once ----------------------------------------------------------------


def build(directory):
    """Run every migration into a new template and write the marker the workers wait for."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor == "sqlite":
        connection.settings_dict["NAME"] = os.path.join(directory, "template.sqlite3")
    else:
        name = connection.creation._get_test_db_name() + "_template"
        with connection.creation._nodb_cursor() as cursor:
            quoted = connection.ops.quote_name(name)
            cursor.execute(f"DROP DATABASE IF EXISTS {quoted}")
            cursor.execute(f"CREATE DATABASE {quoted}")
        with open(os.path.join(directory, "postgres-template"), "w") as handle:
            handle.write(name)
        connection.settings_dict["NAME"] = name
    connection.close()
    call_command("migrate", interactive=False, run_syncdb=True, verbosity=0)
    connection.close()
    with open(os.path.join(directory, "ready"), "w") as handle:
        handle.write(connection.vendor)


# --- the workers: copy it -------------------------------------------------------------------


def _wait(directory):
    ready = os.path.join(directory, "ready")
    deadline = time.monotonic() + TIMEOUT
    while not os.path.exists(ready):
        log = os.path.join(directory, "migrate.log")
        failed = os.path.exists(log) and b"Traceback" in open(log, "rb").read()
        if failed or time.monotonic() > deadline:
            with open(log, errors="replace") as handle:
                raise RuntimeError(f"migrating the test template failed:\n{handle.read()}")
        time.sleep(0.2)


def install():
    """In a worker: create its test databases as copies of the template, not by migrating."""
    directory = os.environ.get(ENV)
    if not directory:
        return
    from django.db.backends.base.creation import BaseDatabaseCreation

    def create_test_db(self, verbosity=1, autoclobber=False, serialize=True, keepdb=False):
        if keepdb or self.connection.alias != "default":
            return original(self, verbosity, autoclobber, serialize, keepdb)
        from django.conf import settings
        from django.core.management import call_command

        _wait(directory)
        test_name = self._get_test_db_name()
        if self.connection.vendor == "sqlite":
            self._create_test_db(verbosity, autoclobber, keepdb)
        else:
            with open(os.path.join(directory, "postgres-template")) as handle:
                template = handle.read().strip()
            quote = self.connection.ops.quote_name
            # CREATE DATABASE ... TEMPLATE refuses while another session copies the template.
            with open(os.path.join(directory, "ready")) as lock, self._nodb_cursor() as cursor:
                fcntl.flock(lock, fcntl.LOCK_EX)
                cursor.execute(f"DROP DATABASE IF EXISTS {quote(test_name)}")
                cursor.execute(f"CREATE DATABASE {quote(test_name)} TEMPLATE {quote(template)}")
        self.connection.close()
        settings.DATABASES[self.connection.alias]["NAME"] = test_name
        self.connection.settings_dict["NAME"] = test_name
        self.connection.ensure_connection()
        if self.connection.vendor == "sqlite":
            import sqlite3

            source = sqlite3.connect(os.path.join(directory, "template.sqlite3"))
            try:
                source.backup(self.connection.connection)
            finally:
                source.close()
        if serialize:
            self.connection._test_serialized_contents = self.serialize_db_to_string()
        call_command("createcachetable", database=self.connection.alias)
        return test_name

    original = BaseDatabaseCreation.create_test_db
    BaseDatabaseCreation.create_test_db = create_test_db


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    build(sys.argv[1])
