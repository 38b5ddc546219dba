from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy

from civic_wagtail import roles

from . import notifications, personal_data
from .admin_views import PeerReviewViewSetGroup, RecordedByWorkflowPolicy
from .dashboard import reviews_dashboard_panel
from .models import ReviewDecision, ReviewRecord
from .public_profile import reviews_panel
from .public_record import render_record, reviewed_at_expression
from .views import ReviewDueReportView, ReviewsWaitingPanel

register_permission_policy(ReviewRecord, RecordedByWorkflowPolicy(ReviewRecord))
register_permission_policy(ReviewDecision, RecordedByWorkflowPolicy(ReviewDecision))
hooks.register("civic_wagtail_dashboard_panels", reviews_dashboard_panel)
hooks.register("civic_wagtail_notification_kinds", lambda: notifications.KINDS)
hooks.register("civic_wagtail_export_member", personal_data.export_member)
hooks.register("civic_wagtail_erase_member", personal_data.erase_member)
hooks.register("civic_wagtail_public_profile_panels", reviews_panel)


@hooks.register("register_admin_viewset")
def register_review_viewsets():
    return PeerReviewViewSetGroup()


@hooks.register("civic_wagtail_page_panels")
def review_record_panel(request, page):
    return render_record(request, page)


@hooks.register("civic_wagtail_peer_reviewed_at")
def peer_reviewed_at():
    return reviewed_at_expression()


@hooks.register("after_edit_page")
def return_reviewers_to_the_dashboard(request, page):
    """After approving from the editor, Wagtail sends the user to the page explorer, which a
    peer reviewer without page permissions may not see: send them to their dashboard."""
    if request.method == "POST" and request.POST.get("action-workflow-action"):
        if not page.permissions_for_user(request.user).can_edit():
            messages.success(request, _("Thank you: your review is recorded."))
            return redirect("wagtailadmin_home")
    return None


@hooks.register("construct_homepage_panels")
def add_reviews_waiting_panel(request, panels):
    user = request.user
    if (
        user.is_superuser
        or roles.user_has_role(user, roles.REVIEWERS)
        or roles.user_has_role(user, roles.MODERATORS)
    ):
        panels.append(ReviewsWaitingPanel(request))


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(
            "reports/reviews-due/", ReviewDueReportView.as_view(), name="civic_wagtail_review_due"
        ),
        path(
            "reports/reviews-due/results/",
            ReviewDueReportView.as_view(results_only=True),
            name="civic_wagtail_review_due_results",
        ),
    ]


class ReviewReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("civic_wagtail_review.view_reviewrecord")


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return ReviewReportMenuItem(
        _("Reviews due"),
        reverse("civic_wagtail_review_due"),
        name="reviews-due",
        icon_name="calendar-alt",
        order=750,
    )


@hooks.register("register_log_actions")
def register_review_log_actions(actions):
    actions.register_action(
        "civic_wagtail_review.approve", _("Peer review approval"), _("Approved in peer review")
    )
    actions.register_action(
        "civic_wagtail_review.request_changes",
        _("Peer review: changes requested"),
        _("Changes requested in peer review"),
    )
    actions.register_action(
        "civic_wagtail_review.conflict",
        _("Peer review: conflict declared"),
        _("Reviewer declared a conflict of interest"),
    )
