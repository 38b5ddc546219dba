"""The forms reviewers fill in the workflow action modal: rubric, comment, declarations.

Cleaned data must be JSON-serialisable: Wagtail's editor sends it back as JSON with the
page form when a reviewer approves from the edit view.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from civic_wagtail.conf import civic_settings


class RequestChangesForm(forms.Form):
    comment = forms.CharField(
        label=_("What should the author change?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        error_messages={
            "required": _("Tell the author what to change, so they can revise and resubmit.")
        },
    )


class DeclareConflictForm(forms.Form):
    details = forms.CharField(
        label=_("Describe the conflict of interest"),
        help_text=_(
            "For example: you work with the author, or for the organisation described. "
            "You will not review this submission; another reviewer may be assigned."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        error_messages={"required": _("Say briefly what the conflict is.")},
    )


class ApprovalForm(forms.Form):
    """Base of the rubric form built for each task by :func:`approval_form_class`."""

    no_conflict = forms.BooleanField(
        label=_(
            "I have no conflict of interest: I did not write or commission this work and "
            "have no personal or financial stake in it"
        ),
        error_messages={
            "required": _(
                "Confirm you have no conflict of interest. If you have one, close this "
                "dialog and choose 'Declare a conflict of interest' instead."
            )
        },
    )
    comment = forms.CharField(
        label=_("Comment for the author (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=5000,
    )


def approval_form_class(task):
    """A form with one required score per rubric criterion of ``task``."""
    top = civic_settings.REVIEW_SCORE_MAX
    choices = [(score, str(score)) for score in range(1, top + 1)]
    fields = {}
    for key, label in task.get_criteria():
        fields[f"score__{key}"] = forms.TypedChoiceField(
            label=label,
            choices=choices,
            coerce=int,
            widget=forms.RadioSelect,
            help_text=_("1 = poor, %(top)s = excellent") % {"top": top},
            error_messages={
                "required": _("Score '%(label)s' from 1 to %(top)s.")
                % {"label": label, "top": top}
            },
        )
    # Scores first, then the declaration and the comment.
    fields["field_order"] = [*fields, "no_conflict", "comment"]
    return type("RubricApprovalForm", (ApprovalForm,), fields)


def form_for_action(task, action):
    if action == "approve":
        return approval_form_class(task)
    if action == "reject":
        return RequestChangesForm
    return DeclareConflictForm
