from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from . import notifications, personal_data
from .admin_views import MentoringViewSetGroup, ReadOnlyPermissionPolicy
from .dashboard import mentorships_dashboard_panel
from .models import Mentorship, MentorshipFeedback
from .panels import profile_panel_context
from .public_profile import mentorships_panel

# Read-only in the admin: status changes go through the lifecycle, feedback is the author's.
register_permission_policy(MentorshipFeedback, ReadOnlyPermissionPolicy(MentorshipFeedback))
register_permission_policy(Mentorship, ReadOnlyPermissionPolicy(Mentorship))

hooks.register("civic_wagtail_dashboard_panels", mentorships_dashboard_panel)
hooks.register("civic_wagtail_notification_kinds", lambda: notifications.KINDS)
hooks.register("civic_wagtail_export_member", personal_data.export_member)
hooks.register("civic_wagtail_public_profile_panels", mentorships_panel)


@hooks.register("register_admin_viewset")
def register_mentoring_viewsets():
    return MentoringViewSetGroup()


@hooks.register("civic_wagtail_profile_panels")
def mentorships_panel(request, profile):
    context = profile_panel_context(request, profile)
    if context is None:
        return None
    return render_to_string("civic_wagtail/mentoring/profile_panel.html", context, request)


@hooks.register("register_log_actions")
def register_mentoring_log_actions(actions):
    for action, label in [
        ("requested", _("Request mentoring")),
        ("accepted", _("Accept mentoring request")),
        ("declined", _("Decline mentoring request")),
        ("started", _("Start mentorship")),
        ("completed", _("Complete mentorship")),
        ("cancelled", _("Cancel mentorship")),
    ]:
        actions.register_action(f"civic_wagtail_mentoring.{action}", label, label)


@hooks.register("civic_wagtail_search_scopes")
def search_scopes():
    from .search import mentor_scopes

    return mentor_scopes()
