"""The moderation queue of consultation responses (Wagtail admin).

Responses with a written answer or a draft comment wait here; a moderator approves them
(their texts may then be published, if the respondent consented) or marks them as spam (they
stop counting in the results). The queue shows answers, never an address.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from civic_wagtail.menu import MENU_HOOK

from .models import Respondent


class ModerationPolicy(ModelPermissionPolicy):
    """Responses are written by respondents: moderators change their status only."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class QueueIndexView(generic.IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .filter(submitted_at__isnull=False)
            .select_related("consultation")
            .order_by("moderation", "-submitted_at", "pk")
        )


class ResponseModerationViewSet(ModelViewSet):
    model = Respondent
    name = "civic_wagtail_transparency_responses"
    icon = "comment"
    menu_label = _("Consultation responses")
    menu_order = 870
    menu_hook = MENU_HOOK
    add_to_admin_menu = True
    list_display = ["__str__", "consultation", "submitted_at", "moderation", "publish_consent"]
    list_filter = ["moderation", "publish_consent"]
    form_fields = ["moderation"]
    index_view_class = QueueIndexView
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "consultation",
        "submitted_at",
        "updated_at",
        "publish_consent",
        "moderation",
        "texts_for_moderation",
    ]
