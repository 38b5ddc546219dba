"""The public form through which a verified member contributes a case study."""

from django import forms
from django.utils.translation import gettext_lazy as _

from civic_wagtail.mail import one_line
from civic_wagtail.markup import render_markdown
from civic_wagtail.models import Region, Topic

from .filters import indicator_choices
from .models import BestPracticePage, Indicator

TEXTAREA = forms.Textarea(attrs={"rows": 5})
#: Said under each long text: it is rendered like a comment.
MARKDOWN_HELP = _(
    "You can use Markdown: **bold**, *italic*, lists (- item) and [links](https://…)."
)
NUMBER = forms.TextInput(attrs={"inputmode": "decimal"})


def text_to_rich_text(text):
    """A long text a member wrote in the site's form (Markdown, like their comments) as the
    rich text stored on the page: the core pipeline's sanitised HTML (raw HTML is text)."""
    return str(render_markdown(text)) if (text or "").strip() else ""


class OneLineField(forms.CharField):
    """A one-line text: line breaks and runs of spaces become one space.

    The title ends up in email subjects (Wagtail's workflow notifications among them), where
    a line break is refused with ``BadHeaderError``; a typed or pasted one is never meant.
    """

    def to_python(self, value):
        return one_line(super().to_python(value))


class CaseStudySubmissionForm(forms.Form):
    """A case study with, optionally, the practice it adapts and one measured outcome."""

    title = OneLineField(label=_("Title"), max_length=255)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Two or three sentences: what you did and what changed."),
    )
    organisation = OneLineField(label=_("Organisation"), max_length=200)
    place = OneLineField(
        label=_("Place"), max_length=200, help_text=_("City and country, e.g. Lyon, France.")
    )
    challenge = forms.CharField(label=_("The challenge"), widget=TEXTAREA, help_text=MARKDOWN_HELP)
    what_was_done = forms.CharField(
        label=_("What you did"), widget=TEXTAREA, help_text=MARKDOWN_HELP
    )
    lessons = forms.CharField(
        label=_("Lessons learned"), widget=TEXTAREA, required=False, help_text=MARKDOWN_HELP
    )
    topics = forms.MultipleChoiceField(
        label=_("Topics"), required=False, widget=forms.CheckboxSelectMultiple
    )
    region = forms.ChoiceField(label=_("Region"), required=False)
    adapted_from = forms.ModelChoiceField(
        queryset=BestPracticePage.objects.live().public(),
        required=False,
        widget=forms.HiddenInput,
        error_messages={
            "invalid_choice": _(
                "The practice you are adapting is no longer published: start again from the "
                "library."
            )
        },
    )
    indicator = forms.ChoiceField(
        label=_("Indicator"),
        required=False,
        help_text=_("Optional: one measured result. Editors can add more later."),
    )
    # Text inputs (not type=number): browsers would silently drop what they can't parse,
    # and the member would not see what they typed.
    baseline = forms.DecimalField(
        label=_("Baseline"), required=False, max_digits=16, decimal_places=4, widget=NUMBER
    )
    actual = forms.DecimalField(
        label=_("Actual"), required=False, max_digits=16, decimal_places=4, widget=NUMBER
    )
    period_start = forms.DateField(
        label=_("Period start"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    period_end = forms.DateField(
        label=_("Period end"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    evidence_url = forms.URLField(label=_("Evidence link"), required=False)

    def __init__(self, *args, locale, **kwargs):
        super().__init__(*args, **kwargs)
        self.locale = locale
        self.fields["topics"].choices = list(
            Topic.objects.for_locale(locale).values_list("pk", "name")
        )
        self.fields["region"].choices = [
            ("", _("Choose a region")),
            *Region.objects.for_locale(locale).values_list("pk", "name"),
        ]
        self.fields["indicator"].choices = [("", _("No outcome yet")), *indicator_choices(locale)]
        for name in ("baseline", "actual"):
            self.fields[name].error_messages["invalid"] = _(
                "Enter a number, using digits and a decimal point (e.g. 42 or 12.5)."
            )

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The period cannot end before it starts."))
        measured = [data.get(name) for name in ("baseline", "actual")]
        if data.get("indicator") and all(value is None for value in measured):
            self.add_error("actual", _("Give the actual value (and the baseline if you have it)."))
        if not data.get("indicator") and any(value is not None for value in measured):
            self.add_error("indicator", _("Choose which indicator these numbers measure."))
        return data

    def get_indicator(self):
        slug = self.cleaned_data.get("indicator")
        if not slug:
            return None
        return (
            Indicator.objects.filter(slug=slug, locale=self.locale).first()
            or Indicator.objects.filter(slug=slug).order_by("pk").first()
        )


class PracticeSubmissionForm(forms.Form):
    """A best practice: the problem, the approach and what it takes, for peers to review."""

    title = OneLineField(label=_("Title"), max_length=255)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Two or three sentences: what the practice is and what it achieves."),
    )
    problem = forms.CharField(label=_("The problem it addresses"), widget=TEXTAREA)
    approach = forms.CharField(label=_("The approach"), widget=TEXTAREA)
    prerequisites = forms.CharField(
        label=_("Prerequisites"), widget=TEXTAREA, required=False,
        help_text=_("What an organisation needs before it starts."),
    )
    risks = forms.CharField(label=_("Risks"), widget=TEXTAREA, required=False)
    cost_band = forms.ChoiceField(label=_("Cost"), required=False)
    implementation_months = forms.IntegerField(
        label=_("Time to implement (months)"), required=False, min_value=0, max_value=240,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={"invalid": _("Enter a whole number of months, e.g. 6.")},
    )
    evidence_strength = forms.ChoiceField(
        label=_("Evidence"), widget=forms.RadioSelect,
        help_text=_("How much is known that it works. Reviewers check this."),
    )
    topics = forms.MultipleChoiceField(
        label=_("Topics"), required=False, widget=forms.CheckboxSelectMultiple
    )
    region = forms.ChoiceField(label=_("Region"), required=False)

    def __init__(self, *args, locale, **kwargs):
        from .models.mixins import CostBand, EvidenceStrength

        super().__init__(*args, **kwargs)
        self.locale = locale
        self.fields["cost_band"].choices = [("", _("Not known")), *CostBand.choices]
        self.fields["evidence_strength"].choices = EvidenceStrength.choices
        self.fields["evidence_strength"].initial = EvidenceStrength.ANECDOTAL
        self.fields["topics"].choices = list(
            Topic.objects.for_locale(locale).values_list("pk", "name")
        )
        self.fields["region"].choices = [
            ("", _("Choose a region")),
            *Region.objects.for_locale(locale).values_list("pk", "name"),
        ]
