from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin_views import MemberPermissionPolicy, MemberProfileViewSet
from .models import MemberProfile

register_permission_policy(MemberProfile, MemberPermissionPolicy(MemberProfile))


@hooks.register("register_admin_viewset")
def register_member_viewset():
    return MemberProfileViewSet("civic_wagtail_members_admin")


@hooks.register("register_log_actions")
def register_member_log_actions(actions):
    for status, label, message in [
        ("verified", _("Verify member"), _("Verified member")),
        ("pending", _("Reset member"), _("Member set to pending")),
        ("rejected", _("Reject member"), _("Rejected member")),
    ]:
        actions.register_action(f"civic_wagtail_members.{status}", label, message)
