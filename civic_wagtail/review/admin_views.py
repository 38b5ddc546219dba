"""Admin listings of what peer review recorded: records (editable due date) and decisions."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy

from civic_wagtail.menu import MENU_HOOK

from .models import ReviewDecision, ReviewRecord


class RecordedByWorkflowPolicy(ModelPermissionPolicy):
    """Rows are written by the workflow, never added or deleted by hand in the admin."""

    def user_has_permission(self, user, action):
        if action in ("add", "delete"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class RecordIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("page")


class ReviewRecordViewSet(ModelViewSet):
    model = ReviewRecord
    name = "civic_wagtail_review_records"
    icon = "tasks"
    menu_label = _("Review records")
    list_display = ["page", "reviewed_at", "review_due", "reviewer_count"]
    list_filter = ["review_due"]
    #: Moderators with the change permission may move the re-validation date.
    form_fields = ["review_due"]
    index_view_class = RecordIndexView
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "page",
        "reviewed_at",
        "review_due",
        "reviewer_count",
        "reviewer_names",
        "rubric_summary",
        "revalidation_started_at",
    ]


class DecisionIndexView(generic.IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("reviewer", "task_state__revision")
            .order_by("-created_at", "-pk")
        )


class ReviewDecisionViewSet(ModelViewSet):
    model = ReviewDecision
    name = "civic_wagtail_review_decisions"
    icon = "check"
    menu_label = _("Review decisions")
    list_display = ["submission", "reviewer", "decision", "created_at"]
    list_filter = ["decision"]
    form_fields = ["comment"]
    index_view_class = DecisionIndexView
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = ["task_state", "reviewer", "decision", "comment", "created_at"]


class PeerReviewViewSetGroup(ModelViewSetGroup):
    menu_label = _("Peer review")
    menu_icon = "tasks"
    menu_order = 860
    menu_hook = MENU_HOOK
    items = (ReviewRecordViewSet, ReviewDecisionViewSet)
