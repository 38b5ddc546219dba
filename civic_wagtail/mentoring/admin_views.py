"""The coordinators' admin area: mentors, mentorships, programmes, feedback and three reports.

Mentorships and feedback are read-only here: status changes belong to the two participants
through the lifecycle (which grants and revokes the object permissions), so an admin form
that could set ``status`` would bypass it.
"""

import datetime

from django.db.models import Count, F, Q
from django.urls import path
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from civic_wagtail.conf import civic_settings
from civic_wagtail.menu import MENU_HOOK

from .models import (
    OCCUPYING,
    MentorProfile,
    Mentorship,
    MentorshipFeedback,
    Programme,
)


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Allows viewing (and deleting, for those with the permission), never adding or editing."""

    def user_has_permission(self, user, action):
        if action in ("add", "change"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class MentorProfileIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("user__civic_profile").with_occupied()


class MentorProfileViewSet(ModelViewSet):
    model = MentorProfile
    icon = "user"
    menu_label = _("Mentors")
    index_view_class = MentorProfileIndexView
    list_display = ["__str__", "headline", "availability", "capacity", "years_of_experience"]
    list_filter = ["availability"]
    search_fields = ["headline", "skills", "user__civic_profile__display_name"]
    # Coordinators may pause a mentor or change their capacity; the mentor edits the rest.
    form_fields = ["availability", "capacity"]
    add_view_enabled = False
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "user",
        "headline",
        "skills",
        "region",
        "years_of_experience",
        "capacity",
        "availability",
        "time_zone",
        "contact_email",
        "contact_phone",
        "contact_notes",
    ]


class MentorshipIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related(
            "mentor__user__civic_profile", "mentee__civic_profile", "programme"
        )


class MentorshipViewSet(ModelViewSet):
    model = Mentorship
    icon = "group"
    menu_label = _("Mentorships")
    index_view_class = MentorshipIndexView
    list_display = ["__str__", "status", "programme", "requested_at", "start_date", "end_date"]
    list_filter = ["status", "programme"]
    search_fields = ["message", "goals"]
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = ["programme"]
    inspect_view_fields = [
        "mentor",
        "mentee",
        "programme",
        "status",
        "message",
        "decline_reason",
        "cancel_reason",
        "goals",
        "requested_at",
        "decided_at",
        "start_date",
        "end_date",
        "ended_at",
    ]


class ProgrammeViewSet(ModelViewSet):
    model = Programme
    icon = "date"
    menu_label = _("Programmes")
    list_display = ["name", "start_date", "end_date", "length_months"]
    form_fields = ["name", "description", "start_date", "end_date", "length_months"]
    search_fields = ["name"]


class FeedbackIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related(
            "author",
            "mentorship__mentor__user__civic_profile",
            "mentorship__mentee__civic_profile",
        )


class FeedbackViewSet(ModelViewSet):
    model = MentorshipFeedback
    icon = "comment"
    menu_label = _("Feedback")
    index_view_class = FeedbackIndexView
    list_display = ["mentorship", "author", "rating", "created_at"]
    form_fields = ["rating", "comments"]
    copy_view_enabled = False
    inspect_view_enabled = True


class CoordinatorReportView(ReportView):
    """A report for whoever may view mentorships (coordinators and superusers)."""

    any_permission_required = ["view"]

    @cached_property
    def permission_policy(self):
        return ModelPermissionPolicy(Mentorship)


class StaleRequestsReport(CoordinatorReportView):
    page_title = _("Open requests older than %(days)s days")
    header_icon = "time"
    list_export = ["pk", "mentor", "mentee_name", "requested_at"]
    columns = [
        Column("__str__", label=_("Request")),
        Column("requested_at", label=_("Requested")),
    ]

    def get_page_title(self):
        return self.page_title % {"days": civic_settings.MENTORING_STALE_REQUEST_DAYS}

    def get_queryset(self):
        cutoff = timezone.now() - datetime.timedelta(
            days=civic_settings.MENTORING_STALE_REQUEST_DAYS
        )
        return (
            Mentorship.objects.filter(status=Mentorship.Status.REQUESTED, requested_at__lt=cutoff)
            .select_related("mentor__user__civic_profile", "mentee__civic_profile")
            .order_by("requested_at", "pk")
        )


class UtilisationReport(CoordinatorReportView):
    page_title = _("Mentor utilisation")
    header_icon = "user"
    list_export = ["display_name", "availability", "capacity", "occupied", "utilisation"]
    columns = [
        Column("display_name", label=_("Mentor")),
        Column("get_availability_display", label=_("Availability")),
        Column("capacity", label=_("Places")),
        Column("occupied", label=_("Taken")),
        Column("utilisation", label=_("Utilisation %")),
    ]

    def get_queryset(self):
        return (
            MentorProfile.objects.select_related("user__civic_profile")
            .with_occupied()
            .order_by(F("occupied") * 100 / F("capacity"), "pk")
            .reverse()
        )

    def decorate_paginated_queryset(self, object_list):
        for mentor in object_list:
            capacity = mentor.capacity or 1
            mentor.utilisation = round(100 * mentor.occupied / capacity)
        return object_list


class CohortReport(CoordinatorReportView):
    page_title = _("Mentorships per programme")
    header_icon = "date"
    list_export = ["name", "start_date", "active", "completed", "occupied"]
    columns = [
        Column("name", label=_("Programme")),
        Column("start_date", label=_("Starts")),
        Column("requested", label=_("Requested")),
        Column("active", label=_("Active")),
        Column("completed", label=_("Completed")),
        Column("cancelled", label=_("Cancelled")),
    ]

    def get_queryset(self):
        def count(*states):
            return Count("mentorships", filter=Q(mentorships__status__in=states))

        return Programme.objects.annotate(
            requested=count(Mentorship.Status.REQUESTED),
            active=count(Mentorship.Status.ACTIVE),
            completed=count(Mentorship.Status.COMPLETED),
            cancelled=count(Mentorship.Status.CANCELLED),
            occupied=count(*OCCUPYING),
        ).order_by("-start_date", "pk")


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return ModelPermissionPolicy(Mentorship).user_has_permission(request.user, "view")


class ReportViewSet(ViewSet):
    """Mounts one report view with its results URL, and a menu item for coordinators."""

    view_class = None

    def get_urlpatterns(self):
        kwargs = {
            "index_url_name": self.get_url_name("index"),
            "index_results_url_name": self.get_url_name("results"),
        }
        return [
            path("", self.view_class.as_view(**kwargs), name="index"),
            path("results/", self.view_class.as_view(results_only=True, **kwargs), name="results"),
        ]

    @property
    def menu_item_class(self):
        return ReportMenuItem


class StaleRequestsReportViewSet(ReportViewSet):
    view_class = StaleRequestsReport
    icon = "time"
    menu_label = _("Waiting requests")


class UtilisationReportViewSet(ReportViewSet):
    view_class = UtilisationReport
    icon = "user"
    menu_label = _("Utilisation")


class CohortReportViewSet(ReportViewSet):
    view_class = CohortReport
    icon = "date"
    menu_label = _("Cohorts")


class MentoringViewSetGroup(ViewSetGroup):
    menu_label = _("Mentoring")
    menu_icon = "group"
    menu_order = 860
    menu_hook = MENU_HOOK
    items = (
        MentorProfileViewSet("civic_wagtail_mentoring_mentors"),
        MentorshipViewSet("civic_wagtail_mentoring_mentorships"),
        ProgrammeViewSet("civic_wagtail_mentoring_programmes"),
        FeedbackViewSet("civic_wagtail_mentoring_feedback"),
        StaleRequestsReportViewSet("civic_wagtail_mentoring_stale_requests"),
        UtilisationReportViewSet("civic_wagtail_mentoring_utilisation"),
        CohortReportViewSet("civic_wagtail_mentoring_cohorts"),
    )
