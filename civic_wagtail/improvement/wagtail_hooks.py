"""Registration only: admin screens, dashboard and page panels, privacy, adoptions."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from . import adoption, dashboard, notifications, panels, personal_data
from .admin_views import CompetencyTagViewSet, FrameworkViewSet

register_snippet(FrameworkViewSet)
hooks.register("civic_wagtail_dashboard_panels", dashboard.assessment_panel)
hooks.register("civic_wagtail_dashboard_panels", dashboard.goals_panel)
hooks.register("civic_wagtail_dashboard_panels", dashboard.trackers_panel)
hooks.register("civic_wagtail_page_panels", panels.competencies_panel, order=40)
hooks.register("civic_wagtail_public_profile_panels", panels.profile_summary_panel)
hooks.register("civic_wagtail_notification_kinds", lambda: notifications.KINDS)
hooks.register("civic_wagtail_export_member", personal_data.export_member)
hooks.register("civic_wagtail_erase_member", personal_data.erase_member)
hooks.register("civic_wagtail_practice_adoptions", adoption.practice_adoptions)


@hooks.register("register_admin_viewset")
def register_competency_tags():
    return CompetencyTagViewSet()
