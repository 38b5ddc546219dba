"""Settings defaults, overrides and system checks."""

from django.test import override_settings

from civic_wagtail.conf import civic_settings
from civic_wagtail.discussion.checks import check_discussion_settings


def test_defaults():
    assert civic_settings.DISCUSSION_ALLOW_ANONYMOUS is False
    assert civic_settings.DISCUSSION_UNVERIFIED_POSTS == "hold"
    assert civic_settings.DISCUSSION_AUTO_HIDE_FLAGS == 3


@override_settings(CIVIC_WAGTAIL_DISCUSSION_AUTO_HIDE_FLAGS=5)
def test_override():
    assert civic_settings.DISCUSSION_AUTO_HIDE_FLAGS == 5


def test_checks_pass_with_demo_settings():
    assert check_discussion_settings(None) == []


@override_settings(
    COMMENTS_XTD_FORM_CLASS="django_comments_xtd.forms.XtdCommentForm",
    CIVIC_WAGTAIL_DISCUSSION_UNVERIFIED_POSTS="maybe",
)
def test_checks_report_misconfiguration():
    ids = {error.id for error in check_discussion_settings(None)}
    assert ids == {"civic_wagtail_discussion.E002", "civic_wagtail_discussion.E004"}
