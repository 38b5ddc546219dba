"""The "Your working groups" panel of the member's dashboard (``civic_wagtail_dashboard_panels``):
the member's groups, requests awaiting a lead and invitations waiting for them."""

from django.utils.translation import gettext_lazy as _

from civic_wagtail.members.dashboard import DashboardPanel

from .membership import pending_invitations
from .models import Membership


class GroupsPanel(DashboardPanel):
    title = _("Your working groups")
    order = 45
    template_name = "civic_wagtail/groups/includes/dashboard_panel.html"
    name = "cw-dash-groups"
    limit = 10

    def get_context_data(self):
        from civic_wagtail.sections import section_page

        from .pages import GroupIndexPage

        page = section_page(self.request, GroupIndexPage)
        base = (page.get_url(self.request) or "/").rstrip("/") + "/" if page else ""
        memberships = list(
            Membership.objects.filter(user=self.request.user)
            .select_related("group")
            .order_by("group__name")[: self.limit]
        )
        return {
            "memberships": memberships,
            "invitations": list(pending_invitations(self.request.user).select_related("group")),
            "base": base,
        }


def groups_panel(request):
    if not request.user.is_authenticated:
        return None
    if (
        not Membership.objects.filter(user=request.user).exists()
        and not pending_invitations(request.user).exists()
    ):
        return None
    return GroupsPanel(request)
