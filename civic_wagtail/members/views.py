from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, TemplateView, UpdateView
from wagtail.models import Locale

from .dashboard import dashboard_panels
from .forms import ProfileForm
from .models import MemberProfile, get_profile


class ProfileEditView(LoginRequiredMixin, UpdateView):
    """A member edits their own profile and sees their verification status."""

    form_class = ProfileForm
    template_name = "civic_wagtail/members/profile_form.html"

    def get_object(self, queryset=None):
        return get_profile(self.request.user)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["locale"] = Locale.get_default()
        return kwargs

    def form_valid(self, form):
        messages.success(self.request, _("Your profile has been saved."))
        return super().form_valid(form)

    def get_success_url(self):
        return reverse("civic_wagtail_members:profile_edit")


class MemberDetailView(DetailView):
    """A member's public profile: their name and the fields they chose to show."""

    template_name = "civic_wagtail/members/profile_detail.html"
    context_object_name = "profile"

    def get_object(self, queryset=None):
        return get_object_or_404(
            MemberProfile.objects.select_related(
                "organisation_type", "government_level", "region"
            ).prefetch_related("topics"),
            pk=self.kwargs["pk"],
            user__is_active=True,
        )


class DashboardView(LoginRequiredMixin, TemplateView):
    """The member's home: every app's panel for them (``civic_wagtail_dashboard_panels``)."""

    template_name = "civic_wagtail/members/dashboard.html"

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "profile": get_profile(self.request.user),
            "panels": dashboard_panels(self.request),
        }
