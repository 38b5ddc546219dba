"""A site that forgets a setting is told which one and how to fix it."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.test import override_settings

from civic_wagtail import checks

ROOT = Path(__file__).resolve().parent.parent

BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    checks.ALLAUTH_BACKEND,
    checks.GUARDIAN_BACKEND,
]


def ids(errors):
    return {error.id for error in errors}


def test_the_demo_settings_pass_every_check():
    assert checks.check_required_apps() == []
    assert checks.check_settings() == []
    assert checks.check_template_order() == []


@pytest.mark.parametrize(
    ("overrides", "check_id", "fix"),
    [
        ({"AUTHENTICATION_BACKENDS": BACKENDS[:2]}, "civic_wagtail.E010", checks.GUARDIAN_BACKEND),
        (
            {"AUTHENTICATION_BACKENDS": [BACKENDS[0], BACKENDS[2]]},
            "civic_wagtail.E011",
            checks.ALLAUTH_BACKEND,
        ),
        ({"WAGTAIL_I18N_ENABLED": False}, "civic_wagtail.E013", "WAGTAIL_I18N_ENABLED = True"),
        ({"COMMENTS_APP": None}, "civic_wagtail.E014", "COMMENTS_APP = 'django_comments_xtd'"),
        ({"SITE_ID": None}, "civic_wagtail.E015", "SITE_ID = 1"),
    ],
)
def test_a_missing_setting_names_itself_and_the_fix(overrides, check_id, fix):
    with override_settings(**overrides):
        errors = [e for e in checks.check_settings() if e.id == check_id]
    assert len(errors) == 1
    assert fix in errors[0].hint


def test_missing_allauth_middleware(settings):
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if m != checks.ALLAUTH_MIDDLEWARE]
    (error,) = [e for e in checks.check_settings() if e.id == "civic_wagtail.E012"]
    assert checks.ALLAUTH_MIDDLEWARE in error.hint


def test_members_listed_after_allauth_is_a_warning(settings):
    # The app registry is not reloaded (that would remount the API routers): the check reads
    # the list it is given.
    apps = [a for a in settings.INSTALLED_APPS if a != "civic_wagtail.members"]
    apps.insert(apps.index("allauth") + 1, "civic_wagtail.members")
    assert ids(checks.template_order_warnings(apps)) == {"civic_wagtail.W001"}


SITE_SETTINGS = """
from tests.settings import *
INSTALLED_APPS = [a for a in INSTALLED_APPS if a not in {apps!r}]
SILENCED_SYSTEM_CHECKS = SILENCED_SYSTEM_CHECKS + {silenced!r}
"""


def manage_py_check(tmp_path, apps, silenced=()):
    """Run the real ``manage.py check`` on the test settings without ``apps``."""
    (tmp_path / "broken_settings.py").write_text(
        textwrap.dedent(SITE_SETTINGS.format(apps=list(apps), silenced=list(silenced)))
    )
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT), str(ROOT / "example_site")]),
        "DJANGO_SETTINGS_MODULE": "broken_settings",
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "django", "check"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    return result.returncode, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("app", "check_id"),
    [("wagtail_localize", "civic_wagtail.E001"), ("allauth.account", "civic_wagtail.E004")],
)
def test_manage_py_check_reports_a_missing_app_as_a_system_check(tmp_path, app, check_id):
    """Nothing imports these apps while loading: the check framework reports them."""
    code, output = manage_py_check(tmp_path, [app])
    assert code == 1
    assert f"({check_id})" in output, output[-2000:]
    assert f"HINT: Add '{app}' to INSTALLED_APPS." in output
    assert "System check identified" in output
    assert "Traceback" not in output


def test_a_missing_app_check_can_be_silenced(tmp_path):
    code, output = manage_py_check(tmp_path, ["wagtail_localize"], ["civic_wagtail.E001"])
    assert code == 0, output[-2000:]
    # W002 (a test process's local cache) is silenced by the test settings themselves.
    assert "System check identified no issues (2 silenced)." in output


@pytest.mark.parametrize(
    ("app", "check_id", "feature"),
    [
        ("guardian", "civic_wagtail.E002", "civic_wagtail.review"),
        ("django.contrib.sites", "civic_wagtail.E005", "civic_wagtail.discussion"),
        ("django_comments_xtd", "civic_wagtail.E007", "civic_wagtail.discussion"),
    ],
)
def test_a_feature_that_cannot_load_stops_with_the_check_error(tmp_path, app, check_id, feature):
    """Models or receivers of ``feature`` import ``app``: loading stops with the check's error
    (id, message, hint) instead of Django's RuntimeError about an undeclared app_label."""
    code, output = manage_py_check(tmp_path, [app])
    assert code == 1
    assert f"ImproperlyConfigured: {feature} cannot load: {check_id}:" in output, output[-2000:]
    assert f"HINT: Add '{app}' to INSTALLED_APPS." in output
    assert "RuntimeError" not in output


LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
REDIS = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": "redis://x/0"}}


@pytest.mark.parametrize(
    ("overrides", "warned"),
    [
        ({"DEBUG": False, "CACHES": LOCMEM}, True),
        (
            {
                "DEBUG": False,
                "CACHES": {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}},
            },
            True,
        ),
        (
            {
                "DEBUG": False,
                "CACHES": {
                    "default": {
                        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                        "LOCATION": "/tmp/civic-cache",  # noqa: S108
                    }
                },
            },
            True,
        ),
        ({"DEBUG": True, "CACHES": LOCMEM}, False),  # development: one process
        ({"DEBUG": False, "CACHES": REDIS}, False),
    ],
)
def test_throttles_without_a_shared_cache_are_a_warning(overrides, warned):
    with override_settings(**overrides):
        warnings = checks.check_rate_limit_cache()
    assert ids(warnings) == ({"civic_wagtail.W002"} if warned else set())
    if warned:
        assert "CIVIC_WAGTAIL_RATE_LIMITS" in warnings[0].msg
        assert "REDIS_URL" in warnings[0].hint


def test_no_warning_when_every_limit_is_off(settings):
    from civic_wagtail.conf import DEFAULTS

    settings.DEBUG = False
    settings.CACHES = LOCMEM
    settings.CIVIC_WAGTAIL_RATE_LIMITS = {
        action: {"member": None, "anonymous": None} for action in DEFAULTS["RATE_LIMITS"]
    }
    assert checks.check_rate_limit_cache() == []


def test_production_settings_count_rate_limits_in_redis():
    """The demo's production settings need REDIS_URL and pass the deploy checks with it."""
    # Other tests (Playwright's) allow async-unsafe calls in this process: not in production.
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {
        **inherited,
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "example_site")]),
        "DJANGO_SETTINGS_MODULE": "civic_demo.settings.production",
        "SECRET_KEY": "tests-only-" + "x" * 60,
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/unused",
        "ALLOWED_HOSTS": "civic.example.gov",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
    }
    command = [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"]
    result = subprocess.run(  # noqa: S603
        command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
    )
    assert result.returncode == 0, (result.stdout + result.stderr)[-2000:]
    del env["REDIS_URL"]
    result = subprocess.run(  # noqa: S603
        command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
    )
    assert result.returncode != 0 and "Set the REDIS_URL environment variable." in result.stderr


@pytest.mark.parametrize(
    ("overrides", "warned"),
    [
        ({"DEBUG": False, "WAGTAILADMIN_BASE_URL": ""}, True),
        ({"DEBUG": False, "WAGTAILADMIN_BASE_URL": "https://www.example.gov"}, False),
        ({"DEBUG": True, "WAGTAILADMIN_BASE_URL": ""}, False),  # development
    ],
)
def test_admin_links_without_a_base_url_in_production_are_a_warning(overrides, warned):
    with override_settings(**overrides):
        warnings = checks.check_admin_base_url()
    assert ids(warnings) == ({"civic_wagtail.W003"} if warned else set())
    if warned:
        assert "WAGTAILADMIN_BASE_URL" in warnings[0].msg and "https://" in warnings[0].hint
