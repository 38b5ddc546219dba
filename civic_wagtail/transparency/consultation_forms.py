"""Forms of a consultation: the email step for people without an account, and the response
form built from the consultation's questions and draft paragraphs."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import QuestionKind

MAX_TEXT = 5000


class HoneypotMixin:
    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("Leave this field empty."), code="honeypot")
        return ""


class StartForm(HoneypotMixin, forms.Form):
    email = forms.EmailField(
        label=_("Your email address"),
        help_text=_(
            "We send you a link to your response form. We keep only a scrambled form of the "
            "address, to allow one response per person."
        ),
    )
    website = forms.CharField(required=False, label=_("Leave this field empty"))


def question_field(question):
    label = question.text
    required = question.required
    if question.kind == QuestionKind.TEXT:
        return forms.CharField(
            label=label, required=required, max_length=MAX_TEXT, widget=forms.Textarea({"rows": 4})
        )
    choices = [(str(value), text) for value, text in question.choices]
    if question.kind == QuestionKind.MULTIPLE:
        return forms.MultipleChoiceField(
            label=label, required=required, choices=choices, widget=forms.CheckboxSelectMultiple
        )
    return forms.ChoiceField(
        label=label, required=required, choices=choices, widget=forms.RadioSelect
    )


class ResponseForm(HoneypotMixin, forms.Form):
    """One field per question (``q<id>``) and per draft paragraph (``p<number>``)."""

    publish_consent = forms.BooleanField(
        required=False,
        label=_("My written answers and comments may be published, without my name."),
    )
    notify_outcome = forms.BooleanField(
        required=False, label=_("Email me when the outcome is published.")
    )
    notify_email = forms.EmailField(
        required=False,
        label=_("Email address for the outcome"),
        help_text=_("Kept only until the outcome is sent, then erased."),
    )
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def __init__(self, *args, page, questions, member=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        self.questions = questions
        self.member = member
        if member:
            del self.fields["notify_email"]
        fields = {}
        for question in questions:
            fields[f"q{question.pk}"] = question_field(question)
        for number, _paragraph in page.paragraphs:
            fields[f"p{number}"] = forms.CharField(
                label=_("Comment on paragraph %(number)s") % {"number": number},
                required=False,
                max_length=MAX_TEXT,
                widget=forms.Textarea({"rows": 3}),
            )
        self.fields = {**fields, **self.fields}

    def clean(self):
        data = super().clean()
        if data.get("notify_outcome") and not self.member and not data.get("notify_email"):
            self.add_error(
                "notify_email", _("Give the address to send the outcome to, or untick the box.")
            )
        return data

    def question_fields(self):
        return [self[f"q{q.pk}"] for q in self.questions]

    def paragraph_fields(self):
        return [(n, text, self[f"p{n}"]) for n, text in self.page.paragraphs]

    def answers(self):
        """``[(question, choice, text)]`` rows to store."""
        rows = []
        for question in self.questions:
            value = self.cleaned_data.get(f"q{question.pk}")
            if not value:
                continue
            if question.kind == QuestionKind.TEXT:
                rows.append((question, None, value))
            elif question.kind == QuestionKind.MULTIPLE:
                rows.extend((question, int(v), "") for v in value)
            else:
                rows.append((question, int(value), ""))
        return rows

    def comments(self):
        return [
            (n, self.cleaned_data[f"p{n}"])
            for n, _text in self.page.paragraphs
            if self.cleaned_data.get(f"p{n}")
        ]

    @classmethod
    def initial_for(cls, respondent):
        """Initial values from a stored response (to edit it until the consultation closes)."""
        initial = {
            "publish_consent": respondent.publish_consent,
            "notify_outcome": respondent.notify_outcome,
            "notify_email": respondent.notify_email,
        }
        for answer in respondent.answers.select_related("question"):
            key = f"q{answer.question_id}"
            if answer.question.kind == QuestionKind.TEXT:
                initial[key] = answer.text
            elif answer.question.kind == QuestionKind.MULTIPLE:
                initial.setdefault(key, []).append(str(answer.choice))
            else:
                initial[key] = str(answer.choice)
        for comment in respondent.paragraph_comments.all():
            initial[f"p{comment.paragraph}"] = comment.text
        return initial
