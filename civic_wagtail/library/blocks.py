"""StreamField blocks of the library: the implementation steps of a practice."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class ImplementationStepBlock(blocks.StructBlock):
    """One step of putting a practice in place: what, how long, who, with which resources."""

    title = blocks.CharBlock(label=_("Step"), max_length=200)
    description = blocks.RichTextBlock(
        label=_("Description"), features=["bold", "italic", "link", "ol", "ul"]
    )
    duration = blocks.CharBlock(
        label=_("Duration"), required=False, max_length=100, help_text=_("e.g. 6 weeks")
    )
    roles = blocks.ListBlock(
        blocks.CharBlock(max_length=120), label=_("Roles involved"), default=[], min_num=0
    )
    resources = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="civic_wagtail_library.ResourcePage"),
        label=_("Linked resources"),
        default=[],
        min_num=0,
    )

    class Meta:
        icon = "list-ol"
        template = "civic_wagtail/library/blocks/step.html"
        label = _("Implementation step")


class StepsBlock(blocks.StreamBlock):
    step = ImplementationStepBlock()
