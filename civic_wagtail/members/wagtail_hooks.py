from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import BaseViewRestriction
from wagtail.permissions import register_permission_policy

from .admin_login import can_use_wagtail_admin
from .admin_views import MemberPermissionPolicy, MemberProfileViewSet
from .models import MemberProfile, is_verified_member
from .notify import Kind
from .personal_data import erase_member, export_member

register_permission_policy(MemberProfile, MemberPermissionPolicy(MemberProfile))
hooks.register("civic_wagtail_export_member", export_member)
hooks.register("civic_wagtail_erase_member", erase_member)
hooks.register(
    "civic_wagtail_notification_kinds",
    lambda: [Kind("members.verification", _("A coordinator decides on your membership"))],
)


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


@hooks.register("before_serve_document")
def members_only_documents(document, request):
    """A collection that is private to logged-in users is private to verified members.

    Anyone can sign up, so "logged in" alone would admit people whose membership nobody has
    checked yet. Anonymous visitors are left to Wagtail's own hook (it asks them to log in);
    people with admin access keep seeing what they manage.
    """
    user = request.user
    if not user.is_authenticated or can_use_wagtail_admin(user) or is_verified_member(user):
        return None
    restrictions = document.collection.get_view_restrictions()
    if any(r.restriction_type == BaseViewRestriction.LOGIN for r in restrictions):
        return render(
            request, "civic_wagtail/members/members_only.html", {"document": document}, status=403
        )
    return None


@hooks.register("before_serve_page")
def members_only_pages(page, request, serve_args, serve_kwargs):
    """A signed-in visitor outside a page's groups gets a 403, not the login page.

    Wagtail sends everyone who fails a group restriction to the login URL; allauth sends a
    signed-in visitor straight back, so a pending member on a Members-only page would bounce
    between the two for ever. Anonymous visitors are left to Wagtail (it asks them to log in).
    """
    user = request.user
    if not user.is_authenticated:
        return None
    for restriction in page.get_view_restrictions():
        if restriction.restriction_type != BaseViewRestriction.GROUPS:
            continue
        if restriction.accept_request(request):
            continue
        if is_verified_member(user):
            raise PermissionDenied
        return render(
            request, "civic_wagtail/members/members_only.html", {"page": page}, status=403
        )
    return None
