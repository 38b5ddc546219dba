"""The groups page (``/groups/`` in the demo): one Wagtail page serving the working groups.

Editors place a :class:`GroupIndexPage` and write its introduction; its sub-URLs
(``wagtail.contrib.routable_page``) serve the list, each group and its private space. The
records stay plain models (:mod:`.models`); the views are in :mod:`.views` and
:mod:`.space_views`. Route names are stable: ``page.reverse_subpage(name, args=[...])``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from civic_wagtail import converters  # noqa: F401 (registers <civic_id:...>)


def _view(name):
    def route(self, request, *args, **kwargs):
        from . import space_views, views

        module = views if hasattr(views, name) else space_views
        return getattr(module, name)(request, self, *args, **kwargs)

    route.__name__ = name
    return route


class GroupIndexPageMixin(RoutablePageMixin):
    group_list = path("", name="list")(_view("group_list"))
    new_group = path("new/", name="new")(_view("new_group"))
    invitation = path("invitations/<slug:token>/", name="invitation")(_view("invitation"))
    group = path("<slug:slug>/", name="group")(_view("group_detail"))
    join = path("<slug:slug>/join/", name="join")(_view("join"))
    leave = path("<slug:slug>/leave/", name="leave")(_view("leave"))
    members = path("<slug:slug>/members/", name="members")(_view("members"))
    member_action = path("<slug:slug>/members/<civic_id:pk>/<slug:action>/", name="member_action")(
        _view("member_action")
    )
    invite = path("<slug:slug>/invite/", name="invite")(_view("invite"))
    new_thread = path("<slug:slug>/threads/new/", name="new_thread")(_view("new_thread"))
    threads = path("<slug:slug>/threads/", name="threads")(_view("thread_list"))
    files = path("<slug:slug>/files/", name="files")(_view("file_list"))
    file = path("<slug:slug>/files/<civic_id:pk>/", name="file")(_view("file_download"))
    events = path("<slug:slug>/events/", name="events")(_view("event_list"))
    pilot = path("<slug:slug>/pilot/", name="pilot")(_view("pilot_log"))
    draft = path("<slug:slug>/pilot/draft/", name="draft")(_view("draft_case_study"))


class GroupIndexPage(GroupIndexPageMixin, Page):
    """The public home of the working groups."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("Shown above the group list: what groups are for and how to join one."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    max_count_per_parent = 1
    subpage_types = []
    template = "civic_wagtail/groups/group_list.html"

    class Meta:
        verbose_name = _("working groups page")
