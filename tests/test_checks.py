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
    # The test settings silence three warnings themselves (a test process's local cache, the
    # feeds' placeholder UID domain, the local-memory outbox): see tests/settings.py.
    assert "System check identified no issues (4 silenced)." in output


@pytest.mark.parametrize(
    ("app", "check_id", "feature", "extra"),
    [
        ("guardian", "civic_wagtail.E002", "civic_wagtail.review", "review"),
        ("django.contrib.sites", "civic_wagtail.E005", "civic_wagtail.discussion", "discussion"),
        ("django_comments_xtd", "civic_wagtail.E007", "civic_wagtail.discussion", "discussion"),
    ],
)
def test_a_feature_that_cannot_load_stops_with_the_check_error(
    tmp_path, app, check_id, feature, extra
):
    """Models or receivers of ``feature`` import ``app``: loading stops with the check's error
    (id, message, hint) instead of Django's RuntimeError about an undeclared app_label. The
    hint names the pip extra that installs what the feature needs."""
    code, output = manage_py_check(tmp_path, [app])
    assert code == 1
    assert f"ImproperlyConfigured: {feature} cannot load: {check_id}:" in output, output[-2000:]
    assert f"HINT: Add '{app}' to INSTALLED_APPS." in output
    assert f'pip install "civic-wagtail[{extra}]"' in output
    assert "RuntimeError" not in output


def test_a_library_of_the_extra_missing_names_the_extra():
    from civic_wagtail.features import BY_NAME, Feature

    events = BY_NAME["civic_wagtail.events"]
    assert checks.missing_module_errors(events) == []  # icalendar and dateutil are installed
    broken = Feature(events.name, events.label, events.extra, modules=("no_such_module_cw",))
    (error,) = checks.missing_module_errors(broken)
    assert error.id == "civic_wagtail.E008"
    assert "'no_such_module_cw'" in error.msg
    assert 'pip install "civic-wagtail[events]"' in error.hint


EVENTS_ONLY_SETTINGS = """
from tests.settings import *
INSTALLED_APPS = [a for a in INSTALLED_APPS if a not in {left_out!r}]
AUTHENTICATION_BACKENDS = [b for b in AUTHENTICATION_BACKENDS if not b.startswith("guardian.")]
ROOT_URLCONF = "events_only_urls"
"""
EVENTS_ONLY_URLS = """
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

from civic_wagtail.members import admin_login

urlpatterns = [
    path("admin/", include(admin_login.wagtail_admin_urls)),
    path("admin/", include(wagtailadmin_urls)),
    path("accounts/", include("allauth.urls")),
    path("", include("civic_wagtail.urls")),
    path("", include(admin_login.frontend_urls)),
    path("", include(wagtail_urls)),
]
"""


def test_an_events_only_site_needs_no_guardian_and_is_told_of_left_over_settings(tmp_path):
    """Without review and mentoring nothing needs guardian (E002, E010 stay quiet); the demo's
    settings for the apps left out are each named (W004)."""
    left_out = [
        "civic_wagtail.library",
        "civic_wagtail.review",
        "civic_wagtail.discussion",
        "civic_wagtail.mentoring",
        "civic_wagtail.transparency",
        "civic_wagtail.improvement",
        "civic_wagtail.groups",
        "guardian",
        "django_comments_xtd",
        "django_comments",
    ]
    (tmp_path / "events_only_settings.py").write_text(
        EVENTS_ONLY_SETTINGS.format(left_out=left_out)
    )
    (tmp_path / "events_only_urls.py").write_text(EVENTS_ONLY_URLS)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT), str(ROOT / "example_site")]),
        "DJANGO_SETTINGS_MODULE": "events_only_settings",
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "django", "check"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-3000:]
    assert "civic_wagtail.E002" not in output and "civic_wagtail.E010" not in output
    warned = {
        line.split("(civic_wagtail.W004) ")[1].split(", which")[0]
        for line in output.splitlines()
        if "(civic_wagtail.W004)" in line
    }
    assert warned == {
        "CIVIC_WAGTAIL_DISCUSSION_COMMENTABLE_PAGE_TYPES is a setting of civic_wagtail.discussion",
        "CIVIC_WAGTAIL_DISCUSSION_COMMENTABLE_PAGE_TYPES names civic_wagtail.library",
        "COMMENTS_XTD_FORM_CLASS names civic_wagtail.discussion",
        "WAGTAIL_FINISH_WORKFLOW_ACTION names civic_wagtail.review",
        "CIVIC_WAGTAIL_REVIEW_RESET_ON_EDIT is a setting of civic_wagtail.review",
    }, output[-3000:]
    assert "CIVIC_WAGTAIL_EVENTS" not in output  # events is installed: nothing to say


def test_settings_of_installed_apps_are_not_warned_about():
    assert checks.check_settings_of_absent_apps() == []


@pytest.mark.django_db
def test_the_sites_record_left_at_example_com_is_a_deploy_warning():
    from django.contrib.sites.models import Site as DjangoSite
    from django.core.checks import run_checks

    DjangoSite.objects.update_or_create(pk=1, defaults={"domain": "example.com"})
    (warning,) = checks.check_sites_domain()
    assert warning.id == "civic_wagtail.W005"
    assert "[example.com] Please Confirm Your Email Address" in warning.msg
    assert "civic_wagtail.W005" not in ids(run_checks())  # only with --deploy
    assert "civic_wagtail.W005" in ids(run_checks(include_deployment_checks=True))
    DjangoSite.objects.filter(pk=1).update(domain="www.agency.example.gov")
    assert checks.check_sites_domain() == []


@pytest.mark.parametrize(
    ("overrides", "warned"),
    [
        ({"DEBUG": False}, True),  # the default, events.civic-wagtail.invalid
        ({"DEBUG": False, "CIVIC_WAGTAIL_EVENTS_UID_DOMAIN": ""}, True),
        ({"DEBUG": False, "CIVIC_WAGTAIL_EVENTS_UID_DOMAIN": "events.x.invalid"}, True),
        ({"DEBUG": True}, False),  # development
        ({"DEBUG": False, "CIVIC_WAGTAIL_EVENTS_UID_DOMAIN": "events.agency.gov"}, False),
    ],
)
def test_the_placeholder_uid_domain_on_a_live_site_is_a_warning(overrides, warned):
    from civic_wagtail.events.checks import check_uid_domain

    with override_settings(**overrides):
        warnings = check_uid_domain()
    assert ids(warnings) == ({"civic_wagtail_events.W002"} if warned else set())
    if warned:
        assert "CIVIC_WAGTAIL_EVENTS_UID_DOMAIN" in warnings[0].hint


CONSOLE = "django.core.mail.backends.console.EmailBackend"
SMTP = "django.core.mail.backends.smtp.EmailBackend"


@pytest.mark.parametrize(
    ("overrides", "warned"),
    [
        ({"DEBUG": False, "EMAIL_BACKEND": CONSOLE}, True),
        ({"DEBUG": False, "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend"}, True),
        ({"DEBUG": True, "EMAIL_BACKEND": CONSOLE}, False),  # development
        ({"DEBUG": False, "EMAIL_BACKEND": SMTP}, False),
        (
            {"DEBUG": False, "EMAIL_BACKEND": CONSOLE, "ACCOUNT_EMAIL_VERIFICATION": "optional"},
            False,
        ),
    ],
)
def test_mandatory_verification_with_email_that_goes_nowhere_is_a_warning(overrides, warned):
    from civic_wagtail.members.checks import check_verification_email

    with override_settings(**overrides):
        warnings = check_verification_email()
    assert ids(warnings) == ({"civic_wagtail_members.W002"} if warned else set())
    if warned:
        assert "EMAIL_HOST" in warnings[0].hint


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


def test_settings_of_an_absent_app_are_found_in_names_and_nested_values(monkeypatch, settings):
    """The same check in this process (the events-only test runs it in a subprocess): a
    setting with the app's prefix, and values naming the app inside lists and dicts."""
    from civic_wagtail import checks as core_checks

    installed = core_checks.apps.is_installed
    monkeypatch.setattr(
        core_checks.apps,
        "is_installed",
        lambda name: name != "civic_wagtail.mentoring" and installed(name),
    )
    settings.CIVIC_WAGTAIL_MENTORING_LIMIT = 5
    settings.SOME_SITE_SETTING = {"pages": [("civic_wagtail_mentoring.MentoringPage", 1)]}
    settings.OTHER_SITE_SETTING = ["civic_wagtail.mentoringish", {"deep": {"deeper": "x"}}]
    warnings = core_checks.check_settings_of_absent_apps()
    messages = {w.msg.split(", which")[0] for w in warnings if w.id == "civic_wagtail.W004"}
    assert "CIVIC_WAGTAIL_MENTORING_LIMIT is a setting of civic_wagtail.mentoring" in messages
    assert "SOME_SITE_SETTING names civic_wagtail.mentoring" in messages
    assert not any(m.startswith("OTHER_SITE_SETTING") for m in messages)  # a lookalike name
    assert all("civic-wagtail[mentoring]" in w.hint for w in warnings)
    monkeypatch.setattr(core_checks.apps, "is_installed", installed)
    assert core_checks.check_settings_of_absent_apps() == []
