"""Settings: defaults from static ``conf`` modules, overrides from Django settings."""

import importlib
import re
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from civic_wagtail import conf
from civic_wagtail.conf import DEFAULTS, civic_settings, collect_defaults

FEATURE_APPS = ["discussion", "events", "library", "members", "mentoring", "review"]


def test_defaults_are_used_when_a_setting_is_absent(settings):
    del settings.CIVIC_WAGTAIL_VERIFIED_EMAIL_DOMAINS
    assert civic_settings.VERIFIED_EMAIL_DOMAINS == DEFAULTS["VERIFIED_EMAIL_DOMAINS"]
    assert civic_settings.PAGE_SIZE == 20


@pytest.mark.parametrize("app", FEATURE_APPS)
def test_every_feature_default_is_read_from_its_conf_module(app, settings):
    module = importlib.import_module(f"civic_wagtail.{app}.conf")
    assert module.DEFAULTS
    for name, value in module.DEFAULTS.items():
        if hasattr(settings, conf.PREFIX + name):  # the demo site sets a few
            delattr(settings, conf.PREFIX + name)
        assert civic_settings.defaults[name] == value
        assert getattr(civic_settings, name) == value


def test_override_settings_is_honoured():
    with override_settings(CIVIC_WAGTAIL_PAGE_SIZE=7, CIVIC_WAGTAIL_EVENTS_MAX_OCCURRENCES=3):
        assert civic_settings.PAGE_SIZE == 7
        assert civic_settings.EVENTS_MAX_OCCURRENCES == 3
    assert civic_settings.PAGE_SIZE == 20
    assert civic_settings.EVENTS_MAX_OCCURRENCES == 500


def test_unknown_setting_is_an_attribute_error():
    with pytest.raises(AttributeError, match="CIVIC_WAGTAIL_NOPE"):
        civic_settings.NOPE  # noqa: B018


def test_importing_a_conf_module_registers_nothing():
    """The core DEFAULTS dict holds only the core's settings, however often apps are imported."""
    before = dict(DEFAULTS)
    sys.modules.pop("civic_wagtail.library.conf", None)
    importlib.import_module("civic_wagtail.library.conf")
    assert DEFAULTS == before
    assert "LIBRARY_CSV_MAX_ROWS" not in DEFAULTS
    assert "RATE_LIMITS" in DEFAULTS


def test_only_installed_apps_contribute_defaults(monkeypatch):
    # Swapping INSTALLED_APPS would reload the registry (and remount the API routers): the
    # accessor is shown a registry without the events app instead.
    real = conf.apps.get_app_configs
    without_events = [c for c in real() if c.name != "civic_wagtail.events"]
    monkeypatch.setattr(conf.apps, "get_app_configs", lambda: without_events)
    civic_settings.reload(setting="INSTALLED_APPS")
    try:
        assert "EVENTS_PRODID" not in civic_settings.defaults
        with pytest.raises(AttributeError, match="CIVIC_WAGTAIL_EVENTS_PRODID"):
            civic_settings.EVENTS_PRODID  # noqa: B018
        assert civic_settings.LIBRARY_CSV_MAX_ROWS == 200_000
    finally:
        monkeypatch.undo()
        civic_settings.reload(setting="INSTALLED_APPS")
    assert civic_settings.EVENTS_PRODID == "-//civic_wagtail//Events//EN"


def test_changing_installed_apps_reloads_the_defaults():
    civic_settings.defaults  # noqa: B018
    civic_settings.reload(setting="CIVIC_WAGTAIL_PAGE_SIZE")
    assert civic_settings._defaults is not None
    civic_settings.reload(setting="INSTALLED_APPS")
    assert civic_settings._defaults is None


def test_two_apps_declaring_one_setting_is_an_error(monkeypatch):
    library_conf = importlib.import_module("civic_wagtail.library.conf")
    monkeypatch.setattr(library_conf, "DEFAULTS", {**library_conf.DEFAULTS, "PAGE_SIZE": 5})
    with pytest.raises(ImproperlyConfigured, match="PAGE_SIZE"):
        collect_defaults()


def test_defaults_are_collected_once(monkeypatch):
    civic_settings.reload()
    calls = []
    real = conf.collect_defaults
    monkeypatch.setattr(conf, "collect_defaults", lambda: calls.append(1) or real())
    for _ in range(3):
        civic_settings.MEMBERS_DEFAULT_PUBLIC_FIELDS  # noqa: B018
    assert calls == [1]


def documented_settings():
    text = (Path(__file__).resolve().parent.parent / "docs/reference/settings.md").read_text()
    return set(re.findall(r"`CIVIC_WAGTAIL_([A-Z_]+)`", text))


def test_every_core_setting_is_documented_and_every_documented_one_exists():
    documented = documented_settings()
    assert set(DEFAULTS) <= documented
    assert documented <= set(civic_settings.defaults)
    assert "BASE_TEMPLATE" not in civic_settings.defaults  # layout.html is overridden instead


def test_the_search_models_hook_is_documented():
    text = (Path(__file__).resolve().parent.parent / "docs/reference/extension-points.md")
    assert "`civic_wagtail_search_models`" in text.read_text()
