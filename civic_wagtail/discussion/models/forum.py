"""Forum pages: the index at /forum/ and one page per topic, which serves its threads."""

from django.db import models
from django.db.models import Count, Max, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField

from civic_wagtail import converters  # noqa: F401 (registers <civic_id:...>)


class CommentableMixin:
    """Mix into a page class to give its pages a comment thread.

    The ``civic_wagtail_page_panels`` hook renders the thread wherever the page's template
    calls ``{% civic_page_panels page %}``. Sites can instead list page models in
    ``CIVIC_WAGTAIL_DISCUSSION_COMMENTABLE_PAGE_TYPES``.
    """

    #: Set to False on a subclass to turn comments off again.
    civic_wagtail_comments = True


class ForumIndexPage(RoutablePageMixin, Page):
    """The forums: one :class:`ForumTopicPage` per topic. Threads are searched by the site
    search (``/search/?type=civic_wagtail_discussion.thread``); ``search/`` sends there."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["civic_wagtail_discussion.ForumTopicPage"]
    max_count_per_parent = 1
    template = "civic_wagtail/discussion/forum_index_page.html"

    class Meta:
        verbose_name = _("forum index")

    def get_context(self, request, *args, **kwargs):
        from .threads import Thread

        context = super().get_context(request, *args, **kwargs)
        # Threads are not translated: a topic in any language counts the threads of the
        # topic's every translation (one subquery per figure, still one query).
        threads = (
            Thread.objects.published()
            .filter(forum__translation_key=OuterRef("translation_key"))
            .order_by()
            .values("forum__translation_key")
        )
        context["forums"] = (
            ForumTopicPage.objects.child_of(self)
            .live()
            .public()
            .select_related("topic")
            .annotate(
                thread_count=Coalesce(
                    Subquery(threads.annotate(n=Count("pk")).values("n")), 0
                ),
                latest_activity=Subquery(
                    threads.annotate(latest=Max("last_activity_at")).values("latest")
                ),
            )
            .order_by("title")
        )
        return context

    @path("search/", name="search")
    def search(self, request):
        """The forum search is a scope of the site search: old links are sent there."""
        from ..thread_views import search_threads

        return search_threads(self, request)


class ForumTopicPage(RoutablePageMixin, Page):
    """A forum about one topic. Serves its threads at ``<n>/`` and a form at ``new/``."""

    topic = models.ForeignKey(
        "civic_wagtail.Topic",
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    intro = models.TextField(_("introduction"), blank=True)
    pre_moderation = models.BooleanField(
        _("pre-moderate"),
        default=False,
        help_text=_("Hold every new thread and reply here until a moderator approves it."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("topic"),
        FieldPanel("intro"),
        FieldPanel("pre_moderation"),
    ]
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("intro"),
        SynchronizedField("topic"),
        SynchronizedField("pre_moderation"),
    ]
    parent_page_types = ["civic_wagtail_discussion.ForumIndexPage"]
    subpage_types = []
    template = "civic_wagtail/discussion/forum_topic_page.html"

    class Meta:
        verbose_name = _("forum topic")

    @path("")
    def thread_list(self, request):
        from ..thread_views import thread_list

        return thread_list(self, request)

    @path("new/", name="new_thread")
    def new_thread(self, request):
        from ..thread_views import new_thread

        return new_thread(self, request)

    @path("<civic_id:pk>/", name="thread")
    def thread(self, request, pk):
        from ..thread_views import thread_detail

        return thread_detail(self, request, pk)
