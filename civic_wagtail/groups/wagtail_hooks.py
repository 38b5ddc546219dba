from wagtail import hooks

from . import hooks_impl, notifications, personal_data

hooks.register("civic_wagtail_thread_visibility", hooks_impl.thread_visibility)
hooks.register("civic_wagtail_personal_calendar_items", hooks_impl.personal_calendar_items)
hooks.register("before_serve_document", hooks_impl.before_serve_document)
hooks.register("civic_wagtail_notification_kinds", lambda: notifications.KINDS)
hooks.register("civic_wagtail_export_member", personal_data.export_member)
hooks.register("civic_wagtail_erase_member", personal_data.erase_member)


@hooks.register("civic_wagtail_search_scopes")
def search_scopes():
    from .search import group_scopes

    return group_scopes()


@hooks.register("civic_wagtail_dashboard_panels")
def my_groups_panel(request):
    from .dashboard import groups_panel

    return groups_panel(request)
