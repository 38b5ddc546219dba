"""Registration only: calendar items, the moderation queue, the member data export; the
project trackers register theirs in ``projects/wagtail_hooks.py``."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .calendar_items import consultation_items
from .models import Respondent
from .moderation import ModerationPolicy, ResponseModerationViewSet
from .personal_data import export_member
from .projects import wagtail_hooks as project_hooks  # noqa: F401

register_permission_policy(Respondent, ModerationPolicy(Respondent))
hooks.register("civic_wagtail_calendar_items", consultation_items)
hooks.register("civic_wagtail_export_member", export_member)


@hooks.register("register_admin_viewset")
def register_response_moderation():
    return ResponseModerationViewSet()


@hooks.register("civic_wagtail_open_data")
def feed_open_data(request, site_url):
    from .feed_data import datasets

    return datasets(request, site_url)
