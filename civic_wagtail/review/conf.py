"""Settings of the review app, read as ``civic_settings.REVIEW_*`` (``CIVIC_WAGTAIL_REVIEW_*``)."""

from django.utils.translation import gettext_lazy as _

DEFAULTS = {
    #: Rubric criteria every reviewer scores, as ``(key, label)`` pairs, used by peer-review
    #: tasks whose own "criteria" field is empty. Keys are stored with the scores, so keep
    #: them stable; labels are translated.
    "REVIEW_RUBRIC_CRITERIA": [
        ("plain-language", _("Clear and plain language")),
        ("complete-steps", _("Complete steps")),
        ("evidence", _("Outcomes supported by evidence")),
        ("transferable", _("Transferable to other places")),
        ("no-personal-data", _("Free of personal data")),
    ],
    #: Highest rubric score (scores run from 1 to this value).
    "REVIEW_SCORE_MAX": 5,
    #: Show reviewers' names on the public review record. ``False`` shows only how many
    #: practitioners reviewed the content.
    "REVIEW_PUBLIC_REVIEWER_NAMES": True,
    #: Months after a completed review when the content is due for re-validation.
    "REVIEW_DUE_MONTHS": 12,
    #: The re-validation report also lists content due within this many days.
    "REVIEW_DUE_SOON_DAYS": 30,
    #: Whether approvals given on an earlier revision stop counting when the content is
    #: edited during review. ``None`` follows Wagtail's
    #: ``WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT``.
    "REVIEW_RESET_ON_EDIT": None,
}


def reset_on_edit():
    """Whether an edit during review invalidates earlier approvals."""
    from django.conf import settings

    from civic_wagtail.conf import civic_settings

    value = civic_settings.REVIEW_RESET_ON_EDIT
    if value is None:
        return bool(getattr(settings, "WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT", False))
    return bool(value)
