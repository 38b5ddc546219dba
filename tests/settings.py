"""Test settings: the demo site's settings, made fast and deterministic.

SQLite in memory by default; PostgreSQL (or any database) when ``DATABASE_URL`` is set.
"""

import os
import tempfile

import dj_database_url

from civic_demo.settings.base import *  # noqa: F403

SECRET_KEY = "tests-only-secret-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"])}
else:
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="civic-tests-media-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# The anonymous page cache is off in tests (bulk fixtures write without signals, and query pins
# measure the work of rendering); tests/production/test_page_cache.py turns it on.
CIVIC_WAGTAIL_PAGE_CACHE_SECONDS = 0
# Search-index updates are off in tests: the immediate task backend would run them inside every
# save, and on PostgreSQL each one rescans the whole index (see docs/explanation/search-index.md).
# Tests of search opt in with the ``index_updates`` fixture (tests/conftest.py).
WAGTAILSEARCH_BACKENDS = {
    name: {**backend, "AUTO_UPDATE": False}
    for name, backend in WAGTAILSEARCH_BACKENDS.items()  # noqa: F405
}
WAGTAILADMIN_BASE_URL = "http://testserver"
CIVIC_WAGTAIL_VERIFIED_EMAIL_DOMAINS = ["*.gov", "*.gov.uk", "*.gc.ca"]
LOGGING = {"version": 1, "disable_existing_loggers": False}
# Admin tests of the feature apps log in with force_login and no authenticator; the second
# factor is tested with the requirement on, in tests/members/test_mfa.py.
CIVIC_WAGTAIL_REQUIRE_MFA_FOR_ADMIN = False
# Warnings for a live site that tests trip on purpose (each is tested in tests/test_checks.py
# or the app's test_checks.py): one test process counts rate limits in its own local-memory
# cache (W002), feeds keep the placeholder UID domain the tests read (events W002), and email
# goes to the local-memory outbox while verification is mandatory (members W002).
SILENCED_SYSTEM_CHECKS = [
    "civic_wagtail.W002",
    "civic_wagtail_events.W002",
    "civic_wagtail_members.W002",
]
