"""Settings defaults, overrides and the system checks of the review app."""

from django.test import override_settings

from civic_wagtail.conf import civic_settings
from civic_wagtail.review.checks import check_review_settings
from civic_wagtail.review.conf import reset_on_edit


def ids():
    return {message.id for message in check_review_settings()}


def test_defaults():
    assert civic_settings.REVIEW_DUE_MONTHS == 12
    assert civic_settings.REVIEW_PUBLIC_REVIEWER_NAMES is True
    assert [key for key, _label in civic_settings.REVIEW_RUBRIC_CRITERIA] == [
        "plain-language",
        "complete-steps",
        "evidence",
        "transferable",
        "no-personal-data",
    ]


def test_demo_settings_pass_the_checks():
    assert ids() == set()


@override_settings(CIVIC_WAGTAIL_REVIEW_RUBRIC_CRITERIA=["just a label"])
def test_malformed_rubric_is_reported():
    assert "civic_wagtail_review.E001" in ids()


@override_settings(CIVIC_WAGTAIL_REVIEW_DUE_MONTHS=0)
def test_due_months_must_be_positive():
    assert "civic_wagtail_review.E002" in ids()


@override_settings(WAGTAIL_FINISH_WORKFLOW_ACTION="wagtail.workflows.publish_workflow_state")
def test_default_finish_action_is_warned_about():
    assert "civic_wagtail_review.W001" in ids()


@override_settings(CIVIC_WAGTAIL_REVIEW_RESET_ON_EDIT=None)
def test_reset_on_edit_follows_wagtail_unless_set():
    with override_settings(WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT=False):
        assert reset_on_edit() is False
        with override_settings(CIVIC_WAGTAIL_REVIEW_RESET_ON_EDIT=True):
            assert reset_on_edit() is True
    with override_settings(WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT=True):
        assert reset_on_edit() is True


def test_the_guide_and_the_demo_ask_only_for_the_scoped_reset():
    """Re-approval after an edit is asked of peer reviews only, never of every workflow."""
    from pathlib import Path

    from django.conf import settings

    guide = (Path(__file__).parents[2] / "docs/tutorial/installation.md").read_text()
    assert "WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT =" not in guide
    assert "CIVIC_WAGTAIL_REVIEW_RESET_ON_EDIT = True" in guide
    assert not getattr(settings, "WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT", False)
    assert reset_on_edit() is True
