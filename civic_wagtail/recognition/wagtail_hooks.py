"""Registration only: badges and awards in the admin, the rule registry, profile panels."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import log
from wagtail.snippets.models import register_snippet

from .admin_views import AwardViewSet, BadgeViewSet
from .comment_kudos import comment_kudos, comment_marks
from .models import Award
from .notifications import KINDS
from .panels import badges_panel, kudos_panel
from .personal_data import export_member
from .rules import SEED_RULES

register_snippet(BadgeViewSet)
register_snippet(AwardViewSet)
hooks.register("civic_wagtail_badge_rules", lambda: SEED_RULES)
hooks.register("civic_wagtail_export_member", export_member)
hooks.register("civic_wagtail_public_profile_panels", badges_panel)
hooks.register("civic_wagtail_page_panels", kudos_panel, order=50)
hooks.register("civic_wagtail_comment_actions", comment_kudos)
hooks.register("civic_wagtail_comment_marks", comment_marks)
hooks.register("civic_wagtail_notification_kinds", lambda: KINDS)


@hooks.register("register_log_actions")
def register_recognition_log_actions(actions):
    actions.register_action(
        "civic_wagtail_recognition.granted", _("Grant badge"), _("Granted a badge by hand")
    )


@hooks.register("after_create_snippet")
def record_manual_grant(request, instance):
    """A badge granted in the admin: who granted it and why, in the audit log."""
    if not isinstance(instance, Award):
        return
    Award.objects.filter(pk=instance.pk).update(granted_by=request.user)
    log(
        instance,
        "civic_wagtail_recognition.granted",
        user=request.user,
        data={"reason": instance.reason, "badge": instance.badge.name},
    )
