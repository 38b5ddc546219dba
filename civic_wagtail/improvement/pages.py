"""The improvement page: one Wagtail page that serves the member's side of the app.

Editors place an :class:`ImprovementPage` (``/improvement/`` in the demo) with a translatable
introduction; its routes (``wagtail.contrib.routable_page``) serve the frameworks, the
self-assessment and its results, goals and check-ins, adoption trackers, teams and the
member's own data. Records stay plain models; the page gives menus, translations and the
site's page privacy. Views are in :mod:`.views`.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from civic_wagtail import converters  # noqa: F401 (registers <civic_id:...>)


def _route(pattern, name, view):
    def serve(self, request, *args, **kwargs):
        from . import views

        return getattr(views, view)(request, self, *args, **kwargs)

    serve.__name__ = name
    return path(pattern, name=name)(serve)


class ImprovementPageMixin(RoutablePageMixin):
    """Routes of the improvement page. Names are stable: ``page.reverse_subpage(name)``."""

    route_index = _route("", "index", "index")
    route_framework = _route("frameworks/<civic_id:pk>/", "framework", "framework_detail")
    route_assess = _route("frameworks/<civic_id:pk>/assess/", "assess", "assess")
    route_assessments = _route("assessments/", "assessments", "assessment_list")
    route_results = _route("assessments/<civic_id:pk>/", "results", "results")
    route_share_assessment = _route(
        "assessments/<civic_id:pk>/share/", "share_assessment", "share_assessment"
    )
    route_delete_assessment = _route(
        "assessments/<civic_id:pk>/delete/", "delete_assessment", "delete_assessment"
    )
    route_goals = _route("goals/", "goals", "goal_list")
    route_new_goal = _route("goals/new/", "new_goal", "new_goal")
    route_goal = _route("goals/<civic_id:pk>/", "goal", "goal_detail")
    route_check_in = _route("goals/<civic_id:pk>/check-in/", "check_in", "check_in")
    route_share_goal = _route("goals/<civic_id:pk>/share/", "share_goal", "share_goal")
    route_goal_status = _route("goals/<civic_id:pk>/status/", "goal_status", "goal_status")
    route_delete_goal = _route("goals/<civic_id:pk>/delete/", "delete_goal", "delete_goal")
    route_comment = _route("check-ins/<civic_id:pk>/comment/", "comment", "comment")
    route_delete_checkin = _route(
        "check-ins/<civic_id:pk>/delete/", "delete_checkin", "delete_checkin"
    )
    route_reminders = _route("reminders/", "reminders", "reminders")
    route_trackers = _route("trackers/", "trackers", "tracker_list")
    route_new_tracker = _route("trackers/new/", "new_tracker", "new_tracker")
    route_tracker = _route("trackers/<civic_id:pk>/", "tracker", "tracker_detail")
    route_measure = _route("trackers/<civic_id:pk>/measure/", "measure", "measure")
    route_case_study = _route("trackers/<civic_id:pk>/case-study/", "case_study", "case_study")
    route_delete_tracker = _route(
        "trackers/<civic_id:pk>/delete/", "delete_tracker", "delete_tracker"
    )
    route_teams = _route("teams/", "teams", "team_list")
    route_team = _route("teams/<civic_id:pk>/", "team", "team_detail")
    route_invite = _route("teams/<civic_id:pk>/invite/", "invite", "invite")
    route_join = _route("teams/<civic_id:pk>/join/", "join", "join")
    route_data = _route("data/", "data", "my_data")
    route_export = _route("data/export/<slug:fmt>/", "export", "export")


class ImprovementPage(ImprovementPageMixin, Page):
    """The home of self-assessment, goals and impact tracking."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        help_text=_("Shown above the frameworks: what self-assessment is for, who sees what."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = []
    max_count_per_parent = 1
    template = "civic_wagtail/improvement/index.html"

    class Meta:
        verbose_name = _("improvement page")
