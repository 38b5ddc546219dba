import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from civic_wagtail.conf import DEFAULTS, civic_settings, register_defaults


def test_defaults_are_used_when_a_setting_is_absent(settings):
    del settings.CIVIC_WAGTAIL_VERIFIED_EMAIL_DOMAINS
    assert civic_settings.VERIFIED_EMAIL_DOMAINS == DEFAULTS["VERIFIED_EMAIL_DOMAINS"]
    assert civic_settings.PAGE_SIZE == 20


def test_override_settings_is_honoured():
    with override_settings(CIVIC_WAGTAIL_PAGE_SIZE=7):
        assert civic_settings.PAGE_SIZE == 7
    assert civic_settings.PAGE_SIZE == 20


def test_unknown_setting_is_an_attribute_error():
    with pytest.raises(AttributeError, match="CIVIC_WAGTAIL_NOPE"):
        civic_settings.NOPE  # noqa: B018


def test_feature_defaults_register_once():
    assert "MEMBERS_DEFAULT_PUBLIC_FIELDS" in DEFAULTS
    with pytest.raises(ImproperlyConfigured, match="PAGE_SIZE"):
        register_defaults({"PAGE_SIZE": 5})
