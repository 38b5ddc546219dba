from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from civic_wagtail.models import GovernmentLevel, OrganisationType, Region, Topic

from .models import MemberProfile, get_profile


def language_choices():
    return [(code, translation.gettext(name)) for code, name in settings.LANGUAGES]


def signup_language(request):
    """The supported language a sign-up happened in (the active one), or blank."""
    code = getattr(request, "LANGUAGE_CODE", None) or translation.get_language()
    try:
        return translation.get_supported_language_variant(code)
    except LookupError:
        return ""


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
        # Emails follow the language of the page the member signed up on.
        profile.preferred_language = signup_language(request)
        profile.save(update_fields=["display_name", "organisation", "preferred_language"])


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
            "preferred_language",
            "public_fields",
        ]
        widgets = {
            "topics": forms.CheckboxSelectMultiple,
            "bio": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        language = self.fields["preferred_language"]
        self.fields["preferred_language"] = forms.ChoiceField(
            label=language.label,
            help_text=language.help_text,
            choices=[("", _("The site's default language")), *language_choices()],
            required=False,
        )
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
