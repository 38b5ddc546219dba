"""Forms: the comment form (comments-xtd's, with its honeypot and security hash), threads,
and the reason every moderation action needs."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_comments_xtd.forms import XtdCommentForm

from civic_wagtail.conf import civic_settings

from .models import ReportReason, Thread

MARKDOWN_HINT = _(
    "Markdown works: **bold**, _italic_, [a link](https://example.org), > quotes, - lists."
)


class CommentForm(XtdCommentForm):
    """comments-xtd's form with our length limit, labels and no Bootstrap classes.

    Set as ``COMMENTS_XTD_FORM_CLASS``. The honeypot and the timestamp/security hash of
    django-contrib-comments are kept: a form older than two hours or tampered with is refused.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = civic_settings.DISCUSSION_MAX_LENGTH
        comment = self.fields["comment"]
        comment.label = _("Your reply")
        comment.help_text = MARKDOWN_HINT
        comment.max_length = limit
        comment.widget = forms.Textarea(attrs={"rows": 6, "maxlength": limit})
        comment.validators = [v for v in comment.validators if not hasattr(v, "limit_value")]
        comment.validators.append(forms.fields.validators.MaxLengthValidator(limit))
        self.fields["followup"].label = _("Email me when someone replies in this discussion")
        self.fields["followup"].widget.attrs.pop("class", None)
        for name in ("name", "email", "url"):
            self.fields[name].widget.attrs.pop("class", None)
            self.fields[name].widget.attrs.pop("placeholder", None)
        self.fields["email"].help_text = _("Not shown to anyone.")
        self.fields["honeypot"].label = _("Leave this field empty")

    def clean_comment(self):
        text = self.cleaned_data["comment"]
        if not text.strip():
            raise forms.ValidationError(_("Write something before posting."))
        return text


class ThreadForm(forms.ModelForm):
    class Meta:
        model = Thread
        fields = ["title", "body", "author_follows"]
        labels = {
            "title": _("Title"),
            "body": _("Message"),
            "author_follows": _("Email me when someone replies"),
        }
        help_texts = {
            "title": _("A question or a subject others will recognise."),
            "body": MARKDOWN_HINT,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = civic_settings.DISCUSSION_MAX_LENGTH
        self.fields["body"].max_length = limit
        self.fields["body"].widget.attrs.update({"rows": 10, "maxlength": limit})
        self.fields["body"].validators.append(forms.fields.validators.MaxLengthValidator(limit))

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if len(title) < 5:
            raise forms.ValidationError(_("Use at least 5 characters so others know the subject."))
        return title


class ModerationForm(forms.Form):
    """The reason for a moderation action; shown to the author of the content."""

    ACTIONS = ("hide", "restore", "approve")

    action = forms.ChoiceField(choices=[(a, a) for a in ACTIONS])
    reason = forms.CharField(
        label=_("Reason (shown to the author)"),
        max_length=255,
        error_messages={"required": _("Give a reason: the author will see it.")},
    )


class ReportForm(forms.Form):
    """Why a member reports a comment: a reason from a short list, and words of their own."""

    reason = forms.ChoiceField(
        label=_("Why are you reporting this comment?"),
        choices=ReportReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose why you are reporting this comment.")},
    )
    details = forms.CharField(
        label=_("Anything the moderators should know"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required for “Something else”. Moderators read this; the author does not."),
    )

    def clean(self):
        data = super().clean()
        if data.get("reason") == ReportReason.OTHER and not data.get("details"):
            self.add_error(
                "details", _("Tell the moderators what is wrong with this comment.")
            )
        return data
