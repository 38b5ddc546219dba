from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from civic_wagtail.blocks import home_page_blocks


class HomePage(Page):
    """The demo's home page: an introduction, the community at work (blocks an editor
    arranges: latest peer-reviewed practices, upcoming events...) and a card per section."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)
    body = RichTextField(_("body"), blank=True)
    #: The package's blocks of the installed apps (:func:`civic_wagtail.blocks.home_page_blocks`).
    activity = StreamField(
        home_page_blocks(),
        verbose_name=_("what is happening"),
        blank=True,
        help_text=_("Blocks that show the latest content: practices, events, discussions..."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("activity"),
    ]
    max_count_per_parent = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = (
            self.get_children().live().public().in_menu().specific(defer=True)
        )
        return context
