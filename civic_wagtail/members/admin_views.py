"""Coordinators review pending members in the Wagtail admin."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from civic_wagtail.menu import MENU_HOOK

from .models import MemberProfile
from .verification import set_status


class MemberPermissionPolicy(ModelPermissionPolicy):
    """Profiles are created by signing up, never in the admin."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class MemberFilterSet(WagtailFilterSet):
    verification_status = django_filters.ChoiceFilter(
        label=_("Verification"), choices=MemberProfile.Verification.choices
    )

    class Meta:
        model = MemberProfile
        fields = ["verification_status"]


class MemberIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("user")


class MemberEditView(generic.EditView):
    def save_instance(self):
        status = self.form.cleaned_data["verification_status"]
        return set_status(self.form.instance, status, by=self.request.user)


class MemberProfileViewSet(ModelViewSet):
    model = MemberProfile
    icon = "user"
    menu_label = _("Members")
    menu_order = 850
    add_to_admin_menu = True
    menu_hook = MENU_HOOK
    form_fields = ["verification_status"]
    list_display = ["display_name", "organisation", "user", "verification_status", "created_at"]
    search_fields = ["display_name", "organisation", "user__email"]
    filterset_class = MemberFilterSet
    index_view_class = MemberIndexView
    edit_view_class = MemberEditView
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "display_name",
        "user",
        "job_title",
        "organisation",
        "organisation_type",
        "government_level",
        "region",
        "verification_status",
        "verification_method",
        "verified_at",
        "verified_by",
        "created_at",
    ]

