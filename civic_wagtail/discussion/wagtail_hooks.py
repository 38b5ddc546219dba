"""Registration only: page panels, admin URLs and menu, viewsets, audit-log actions."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from civic_wagtail import converters  # noqa: F401 (registers <civic_id:...>)
from civic_wagtail.menu import MENU_HOOK

from . import actions, admin_views, notifications, privacy
from .dashboard import threads_dashboard_panel
from .pages import render_page_comments
from .policy import can_moderate

hooks.register("civic_wagtail_page_panels", render_page_comments)
hooks.register("civic_wagtail_dashboard_panels", threads_dashboard_panel)
hooks.register("civic_wagtail_notification_kinds", lambda: notifications.KINDS)
hooks.register("civic_wagtail_export_member", privacy.export_member)
hooks.register("civic_wagtail_erase_member", privacy.erase_member)


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [
        path(
            "discussion/moderation/",
            admin_views.moderation_queue,
            name="civic_wagtail_discussion_queue",
        ),
        path(
            "discussion/moderation/comment/<civic_id:pk>/",
            admin_views.moderate_comment,
            name="civic_wagtail_discussion_moderate_comment",
        ),
        path(
            "discussion/moderation/thread/<civic_id:pk>/",
            admin_views.moderate_thread,
            name="civic_wagtail_discussion_moderate_thread",
        ),
    ]


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request):
        return can_moderate(request.user)


@hooks.register(MENU_HOOK)
def register_moderation_menu_item():
    return ModeratorMenuItem(
        _("Moderation"),
        reverse("civic_wagtail_discussion_queue"),
        icon_name="warning",
        order=860,
    )


@hooks.register("register_admin_viewset")
def register_posting_block_viewset():
    return admin_views.PostingBlockViewSet(
        "civic_wagtail_discussion_blocks", url_prefix="discussion/posting-blocks"
    )


@hooks.register(MENU_HOOK)
def register_posting_block_menu_item():
    return ModeratorMenuItem(
        _("Posting blocks"),
        reverse("civic_wagtail_discussion_blocks:index"),
        icon_name="cross",
        order=861,
    )


@hooks.register("register_log_actions")
def register_discussion_log_actions(registry):
    registry.register_action(actions.HIDE, _("Hide"), _("Hidden by a moderator"))
    registry.register_action(actions.RESTORE, _("Restore"), _("Restored by a moderator"))
    registry.register_action(actions.APPROVE, _("Approve"), _("Approved by a moderator"))
    registry.register_action(actions.HOLD, _("Hold"), _("Held for moderation"))
    registry.register_action(actions.AUTO_HIDE, _("Auto-hide"), _("Hidden after reports"))
    registry.register_action(actions.ACCEPT, _("Accept answer"), _("Accepted answer changed"))
    registry.register_action(
        "civic_wagtail_discussion.create_thread", _("Start thread"), _("Thread started")
    )


@hooks.register("civic_wagtail_search_scopes")
def search_scopes():
    from .search import thread_scopes

    return thread_scopes()
