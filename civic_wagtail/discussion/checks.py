"""System checks for the settings the discussion app relies on."""

from django.conf import settings
from django.core.checks import Error, register
from django.utils.module_loading import import_string

from civic_wagtail.conf import civic_settings

HINT_FORM = 'Add COMMENTS_XTD_FORM_CLASS = "civic_wagtail.discussion.forms.CommentForm".'


@register()
def check_discussion_settings(app_configs, **kwargs):
    from .forms import CommentForm

    errors = []
    # COMMENTS_APP and SITE_ID are checked by the core app (civic_wagtail.E014, E015).
    form_path = getattr(settings, "COMMENTS_XTD_FORM_CLASS", "")
    try:
        form_ok = issubclass(import_string(form_path), CommentForm) if form_path else False
    except ImportError:
        form_ok = False
    if not form_ok:
        errors.append(
            Error(
                "COMMENTS_XTD_FORM_CLASS must be civic_wagtail's CommentForm (or a subclass): "
                "it applies the length limit.",
                hint=HINT_FORM,
                id="civic_wagtail_discussion.E002",
            )
        )
    if civic_settings.DISCUSSION_UNVERIFIED_POSTS not in ("hold", "allow", "refuse"):
        errors.append(
            Error(
                "CIVIC_WAGTAIL_DISCUSSION_UNVERIFIED_POSTS must be 'hold', 'allow' or 'refuse'.",
                id="civic_wagtail_discussion.E004",
            )
        )
    return errors
