"""The mentoring page: one Wagtail page that serves the whole public side of mentoring.

Editors place a :class:`MentoringPage` (``/mentoring/`` in the demo) and write its translatable
introduction; its sub-URLs (``wagtail.contrib.routable_page``) serve the directory, matching,
mentor profiles, requests and mentorships. Keeping it a page means it appears in menus, has a
translated copy per locale and follows the site's page privacy, while the records themselves
stay plain models. The behaviour lives in :class:`MentoringPageMixin` so that a site can
compose its own page type; the views are in :mod:`.views`.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from civic_wagtail import converters  # noqa: F401 (registers <civic_id:...>)


class MentoringPageMixin(RoutablePageMixin):
    """Routes of the mentoring page. Names are stable: use ``page.reverse_subpage(name)``."""

    @path("", name="directory")
    def directory(self, request):
        from . import views

        return views.directory(request, self)

    @path("match/", name="match")
    def match(self, request):
        from . import views

        return views.match(request, self)

    @path("offer/", name="offer")
    def offer(self, request):
        from . import views

        return views.offer(request, self)

    @path("mentors/<civic_id:pk>/", name="mentor")
    def mentor(self, request, pk):
        from . import views

        return views.mentor_detail(request, self, pk)

    @path("mentors/<civic_id:pk>/request/", name="request")
    def request_mentor(self, request, pk):
        from . import views

        return views.request_mentor(request, self, pk)

    @path("mentorships/", name="mentorships")
    def mentorships(self, request):
        from . import views

        return views.my_mentorships(request, self)

    @path("mentorships/<civic_id:pk>/", name="mentorship")
    def mentorship(self, request, pk):
        from . import views

        return views.mentorship_detail(request, self, pk)

    @path("mentorships/<civic_id:pk>/<slug:action>/", name="mentorship_action")
    def mentorship_action(self, request, pk, action):
        from . import views

        return views.mentorship_action(request, self, pk, action)


class MentoringPage(MentoringPageMixin, Page):
    """The public home of the mentoring programme."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        help_text=_("Shown above the mentor directory: who can mentor, how it works."),
    )
    match_intro = models.TextField(
        _("matching help"),
        blank=True,
        help_text=_("Shown above the matching form."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("match_intro")]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("mentoring page")
