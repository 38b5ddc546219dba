"""Forms of the working groups: errors say what to change."""

from django import forms
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from .models import Experiment, GroupEvent, WorkingGroup

RESERVED_SLUGS = {"new", "invitations"}


class GroupForm(forms.ModelForm):
    class Meta:
        model = WorkingGroup
        fields = [
            "name",
            "purpose",
            "topics",
            "government_level",
            "visibility",
            "joining",
            "member_limit",
        ]
        widgets = {"topics": forms.CheckboxSelectMultiple}

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        slug = slugify(name)[:80]
        if not slug or slug in RESERVED_SLUGS:
            raise forms.ValidationError(_("Choose a name with letters or digits in it."))
        if WorkingGroup.objects.filter(slug=slug).exists():
            raise forms.ValidationError(_("A group with this name exists: choose another name."))
        self.slug = slug
        return name

    def clean(self):
        data = super().clean()
        if (
            data.get("visibility") == WorkingGroup.Visibility.SECRET
            and data.get("joining") != WorkingGroup.Joining.INVITATION
        ):
            self.add_error(
                "joining", _("A secret group can only be joined by invitation: choose that.")
            )
        return data


class JoinForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the leads (optional)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class InviteForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("They can accept after signing up with this address."),
        error_messages={"invalid": _("Enter an email address such as name@agency.gov.")},
    )


class ThreadForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=20000,
        help_text=_("Markdown: **bold**, _italic_, [links](https://...)."),
    )


class FileForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=255)
    file = forms.FileField(label=_("File"))

    def clean_file(self):
        from django.conf import settings

        upload = self.cleaned_data["file"]
        allowed = getattr(settings, "WAGTAILDOCS_EXTENSIONS", None)
        extension = upload.name.rpartition(".")[2].lower()
        if allowed and extension not in allowed:
            raise forms.ValidationError(
                _("Files of this type cannot be shared. Allowed: %(types)s.")
                % {"types": ", ".join(allowed)}
            )
        limit = getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None)
        if limit and upload.size > limit:
            raise forms.ValidationError(_("This file is too large: share a smaller one."))
        return upload


class EventForm(forms.ModelForm):
    class Meta:
        model = GroupEvent
        fields = ["title", "start", "end", "location", "description"]
        widgets = {
            "start": forms.DateTimeInput(attrs={"type": "datetime-local"}),
            "end": forms.DateTimeInput(attrs={"type": "datetime-local"}),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] <= data["start"]:
            self.add_error("end", _("The end must come after the start."))
        return data


class HypothesisForm(forms.ModelForm):
    class Meta:
        model = WorkingGroup
        fields = ["hypothesis"]
        widgets = {"hypothesis": forms.Textarea(attrs={"rows": 4})}


def indicator_choices():
    """The library's indicators (slug, name), when the library is installed."""
    from django.apps import apps

    choices = [("", _("No indicator"))]
    if apps.is_installed("civic_wagtail.library"):
        Indicator = apps.get_model("civic_wagtail_library", "Indicator")
        seen = set()
        for slug, name in Indicator.objects.order_by("name").values_list("slug", "name"):
            if slug not in seen:
                seen.add(slug)
                choices.append((slug, name))
    return choices


class ExperimentForm(forms.ModelForm):
    indicator = forms.ChoiceField(label=_("Measured with"), required=False, choices=())

    class Meta:
        model = Experiment
        fields = [
            "what",
            "where",
            "started_on",
            "ended_on",
            "indicator",
            "unit",
            "baseline",
            "target",
            "actual",
            "result",
            "why",
        ]
        widgets = {
            "started_on": forms.DateInput(attrs={"type": "date"}),
            "ended_on": forms.DateInput(attrs={"type": "date"}),
            "why": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = indicator_choices()

    def clean(self):
        data = super().clean()
        if data.get("result") == Experiment.Result.FAILED and not (data.get("why") or "").strip():
            self.add_error(
                "why", _("Say why it did not work: that is what others will learn from.")
            )
        if (
            data.get("started_on")
            and data.get("ended_on")
            and data["ended_on"] < data["started_on"]
        ):
            self.add_error("ended_on", _("The end cannot come before the start."))
        return data
