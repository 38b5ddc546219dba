"""Public forms: directory filters, matching, the mentor's profile, requests and the lifecycle."""

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from civic_wagtail.forms import ModelMultipleChoiceField
from civic_wagtail.models import GovernmentLevel, OrganisationType, Region, Topic

from .models import (
    MeetingLogEntry,
    MentorLanguage,
    MentorProfile,
    MentorshipFeedback,
    language_choices,
    time_zone_choices,
)


def _terms(model, locale):
    # One row per term: the default locale's, whose slugs and keys every translation shares.
    return model.objects.filter(locale=locale)


class DirectoryFilterForm(forms.Form):
    """GET filters of the directory. Values are slugs and codes, so URLs are shareable."""

    AVAILABILITY = [
        ("", _("Open, with a free place")),
        ("full", _("Full")),
        ("paused", _("Paused")),
        ("all", _("Any availability")),
    ]

    topic = forms.ChoiceField(label=_("Topic"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    level = forms.ChoiceField(label=_("Level of government"), required=False)
    availability = forms.ChoiceField(label=_("Availability"), required=False, choices=AVAILABILITY)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale = Locale.get_default()
        anything = [("", _("Any"))]
        for name, model in [("topic", Topic), ("region", Region), ("level", GovernmentLevel)]:
            self.fields[name].choices = anything + list(
                _terms(model, locale).values_list("slug", "name")
            )
        self.fields["language"].choices = anything + language_choices()


class MatchForm(forms.Form):
    """What a mentee looks for; every field is optional but at least one must be given."""

    goals = forms.CharField(
        label=_("What do you want to achieve?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Mentors whose skills you name here rank higher."),
    )
    topics = ModelMultipleChoiceField(
        label=_("Topics"),
        queryset=Topic.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages you speak"), required=False, widget=forms.CheckboxSelectMultiple
    )
    level = forms.ModelChoiceField(
        label=_("Your level of government"),
        queryset=GovernmentLevel.objects.none(),
        required=False,
        empty_label=_("Any"),
    )
    region = forms.ModelChoiceField(
        label=_("Your region"),
        queryset=Region.objects.none(),
        required=False,
        empty_label=_("Any"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale = Locale.get_default()
        self.fields["topics"].queryset = _terms(Topic, locale)
        self.fields["languages"].choices = language_choices()
        self.fields["level"].queryset = _terms(GovernmentLevel, locale)
        self.fields["region"].queryset = _terms(Region, locale)

    def clean(self):
        data = super().clean()
        if not any(data.get(name) for name in ("goals", "topics", "languages", "level", "region")):
            raise forms.ValidationError(
                _("Choose at least one topic, language, level or region, or describe your goals.")
            )
        return data


class MentorProfileForm(forms.ModelForm):
    """A verified member's offer to mentor, and later its changes."""

    languages = forms.MultipleChoiceField(
        label=_("Languages you mentor in"), widget=forms.CheckboxSelectMultiple
    )
    formats = forms.MultipleChoiceField(
        label=_("Preferred formats"),
        choices=MentorProfile.Format.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    time_zone = forms.ChoiceField(label=_("Time zone"))

    class Meta:
        model = MentorProfile
        fields = [
            "headline",
            "topics",
            "skills",
            "languages",
            "government_levels",
            "organisation_types",
            "region",
            "years_of_experience",
            "capacity",
            "availability",
            "time_zone",
            "formats",
            "contact_email",
            "contact_phone",
            "contact_notes",
        ]
        field_classes = {
            "topics": ModelMultipleChoiceField,
            "government_levels": ModelMultipleChoiceField,
            "organisation_types": ModelMultipleChoiceField,
        }
        widgets = {
            "topics": forms.CheckboxSelectMultiple,
            "government_levels": forms.CheckboxSelectMultiple,
            "organisation_types": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "contact_email": _(
                "Private: only your mentees and the mentoring coordinators see it."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale = Locale.get_default()
        self.fields["topics"].queryset = _terms(Topic, locale)
        self.fields["government_levels"].queryset = _terms(GovernmentLevel, locale)
        self.fields["organisation_types"].queryset = _terms(OrganisationType, locale)
        self.fields["region"].queryset = _terms(Region, locale)
        self.fields["languages"].choices = language_choices()
        self.fields["time_zone"].choices = time_zone_choices()
        self.fields["capacity"].min_value = 1
        if self.instance.pk:
            self.initial["languages"] = self.instance.language_codes()

    def clean_capacity(self):
        capacity = self.cleaned_data["capacity"]
        if capacity < 1:
            raise forms.ValidationError(
                _("Offer at least one place, or set your availability to paused.")
            )
        return capacity

    def save(self, commit=True):
        with transaction.atomic():
            mentor = super().save(commit=commit)
            codes = self.cleaned_data["languages"]
            mentor.languages.exclude(code__in=codes).delete()
            have = set(mentor.languages.values_list("code", flat=True))
            MentorLanguage.objects.bulk_create(
                [MentorLanguage(mentor=mentor, code=code) for code in codes if code not in have]
            )
        return mentor


class RequestForm(forms.Form):
    message = forms.CharField(
        label=_("Your message to the mentor"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Say what you hope to learn and how often you would like to meet."),
    )


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Why are you declining?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The mentee reads this; suggest someone else if you can."),
    )


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (optional)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class GoalsForm(forms.Form):
    goals = forms.CharField(
        label=_("Shared goals"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Agree them together; both of you can edit them."),
    )


class MeetingLogForm(forms.ModelForm):
    class Meta:
        model = MeetingLogEntry
        fields = ["date", "notes"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }


class FeedbackForm(forms.ModelForm):
    class Meta:
        model = MentorshipFeedback
        fields = ["rating", "comments"]
        widgets = {"rating": forms.RadioSelect, "comments": forms.Textarea(attrs={"rows": 4})}
