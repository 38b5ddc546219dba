"""StreamField blocks of the library: the implementation steps of a practice, and the home
page's blocks of latest peer-reviewed practices and newest case studies."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from civic_wagtail import peer_review
from civic_wagtail.blocks import CachedListingBlock, content_language, visible_q
from civic_wagtail.peer_review import with_reviewed_at


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


class LatestPracticesBlock(CachedListingBlock):
    """The practices that passed peer review most recently (the newest practices when no app
    records peer reviews). One query."""

    cache_name = "library"
    purge_models = ("civic_wagtail_library.bestpracticepage", "civic_wagtail_review.reviewrecord")
    default_heading = _("Latest peer-reviewed practices")
    list_template = "civic_wagtail/library/blocks/pages.html"

    class Meta:
        icon = "doc-full"
        label = _("Latest peer-reviewed practices")

    def get_items(self, value, request):
        from .models import BestPracticePage

        pages = with_reviewed_at(_visible(BestPracticePage))
        if peer_review.is_available():
            pages = pages.filter(peer_reviewed_at__isnull=False).order_by(
                "-peer_reviewed_at", "-pk"
            )
        else:
            pages = pages.order_by("-first_published_at", "-pk")
        return pages[: value["count"]]


class NewestCaseStudiesBlock(CachedListingBlock):
    """The case studies published most recently, with their "Peer reviewed" mark. One query."""

    cache_name = "library"
    purge_models = ("civic_wagtail_library.casestudypage", "civic_wagtail_review.reviewrecord")
    default_heading = _("Newest case studies")
    list_template = "civic_wagtail/library/blocks/pages.html"

    class Meta:
        icon = "doc-full-inverse"
        label = _("Newest case studies")

    def get_items(self, value, request):
        from .models import CaseStudyPage

        pages = with_reviewed_at(_visible(CaseStudyPage))
        return pages.order_by("-first_published_at", "-pk")[: value["count"]]


def _visible(model):
    return (
        model.objects.filter(visible_q(), locale__language_code=content_language())
        .defer_streamfields()
    )
