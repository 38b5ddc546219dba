from django import forms
from django.utils.translation import gettext_lazy as _

from civic_wagtail.models import GovernmentLevel, OrganisationType, Region, Topic

from .models import MemberProfile, get_profile


class SignupForm(forms.Form):
    """Extra sign-up fields, used by allauth through ``ACCOUNT_SIGNUP_FORM_CLASS``."""

    display_name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        help_text=_("Shown next to everything you contribute."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )

    def signup(self, request, user):
        profile = get_profile(user)
        profile.display_name = self.cleaned_data["display_name"].strip()
        profile.organisation = self.cleaned_data.get("organisation", "").strip()
        profile.save(update_fields=["display_name", "organisation"])


class ProfileForm(forms.ModelForm):
    """What a member edits on their own profile page."""

    public_fields = forms.MultipleChoiceField(
        label=_("Show these to other members and visitors"),
        choices=MemberProfile.OPTIONAL_PUBLIC_FIELDS,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Your name is always shown. Everything else is private unless ticked."),
    )

    class Meta:
        model = MemberProfile
        fields = [
            "display_name",
            "job_title",
            "organisation",
            "organisation_type",
            "government_level",
            "region",
            "topics",
            "bio",
            "public_fields",
        ]
        widgets = {
            "topics": forms.CheckboxSelectMultiple,
            "bio": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Offer the terms of the default locale only: one row per term, stable slugs.
        for name, model in [
            ("organisation_type", OrganisationType),
            ("government_level", GovernmentLevel),
            ("region", Region),
            ("topics", Topic),
        ]:
            queryset = model.objects.all()
            if locale is not None:
                queryset = queryset.filter(locale=locale)
            self.fields[name].queryset = queryset

    def clean_display_name(self):
        name = self.cleaned_data["display_name"].strip()
        if not name:
            raise forms.ValidationError(_("Enter the name other members will see."))
        return name
