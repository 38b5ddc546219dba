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


def test_comment_urls_check_passes_with_the_demo_urls():
    from civic_wagtail.discussion.checks import check_comment_urls

    assert check_comment_urls(None) == []


@override_settings(ROOT_URLCONF="tests.discussion.stock_urls")
def test_comment_urls_check_refuses_the_stock_urlconf_wherever_it_is_included():
    from civic_wagtail.discussion.checks import check_comment_urls

    errors = check_comment_urls(None)
    assert {error.id for error in errors} == {"civic_wagtail_discussion.E005"}
    assert "talk/comments/" in errors[0].msg
    assert "civic_wagtail.discussion.comment_urls" in errors[0].hint


@override_settings(CIVIC_WAGTAIL_DISCUSSION_ALLOW_ANONYMOUS=True, COMMENTS_XTD_CONFIRM_EMAIL=True)
def test_anonymous_posting_needs_confirmation_mail_off():
    from civic_wagtail.discussion.checks import check_confirmation_email

    assert [e.id for e in check_confirmation_email(None)] == ["civic_wagtail_discussion.E006"]
    with override_settings(COMMENTS_XTD_CONFIRM_EMAIL=False):
        assert check_confirmation_email(None) == []
