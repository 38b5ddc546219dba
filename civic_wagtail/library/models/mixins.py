"""Behaviour of the library's page types, kept in abstract mixins.

A site composes its own page types from these (``class MyPractice(BestPracticeMixin,
ClassifiedMixin, Page)``) when it needs extra fields; the concrete pages in
:mod:`.pages` are the package's own composition.
"""

import swapper
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import CharField, F, Func, OuterRef, Q, Subquery
from django.db.models.functions import Cast, Coalesce
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from ..blocks import StepsBlock

PAGE_MODEL = swapper.get_model_name("wagtailcore", "Page")
RICH = ["h3", "h4", "bold", "italic", "link", "ol", "ul", "document-link"]


class EvidenceStrength(models.TextChoices):
    """How much we know that a practice works, weakest first."""

    ANECDOTAL = "anecdotal", _("Anecdotal")
    MONITORED = "monitored", _("Monitored")
    EVALUATED = "evaluated", _("Evaluated")
    INDEPENDENTLY_EVALUATED = "independent", _("Independently evaluated")


class CostBand(models.TextChoices):
    LOW = "low", _("Low (under 10,000)")
    MEDIUM = "medium", _("Medium (10,000 to 100,000)")
    HIGH = "high", _("High (100,000 to 1 million)")
    VERY_HIGH = "very_high", _("Very high (over 1 million)")


class LibraryPageMixin(models.Model):
    """What practices and case studies share: a summary and their lineage.

    ``adapted_from`` points at the practice or case study this one was adapted from, which
    lets the original list where it was adopted and a reader follow an idea from one place
    to the next.
    """

    summary = models.TextField(
        _("summary"), max_length=600, help_text=_("Two or three sentences shown in listings.")
    )
    adapted_from = models.ForeignKey(
        PAGE_MODEL,
        verbose_name=_("adapted from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The practice or case study this one builds on, if any."),
    )
    what_did_not_work = RichTextField(
        _("what did not work"),
        features=RICH,
        blank=True,
        help_text=_("Experiments that failed and why, so that others do not repeat them."),
    )
    contributors = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("contributors"),
        blank=True,
        related_name="+",
        help_text=_("Members credited on the page besides its author (a pilot's team)."),
    )

    # Weighted above the body fields (title > summary > body; PostgreSQL ranks by weight).
    search_fields = [
        index.SearchField("summary", boost=1.5),
        index.SearchField("what_did_not_work"),
        index.FilterField("adapted_from"),
    ]

    class Meta:
        abstract = True

    @cached_property
    def peer_reviewed_at(self):
        """When this page was last peer reviewed, or ``None``.

        Listings set it with the query that loads the page
        (:func:`civic_wagtail.peer_review.with_reviewed_at`); otherwise it costs one query.
        """
        from civic_wagtail.peer_review import reviewed_at_by_page

        return reviewed_at_by_page([self.pk]).get(self.pk) if self.pk else None

    def get_adoptions(self):
        """Live, public case studies that adopted this page or one of its translations
        (adapted it or applied it), each in this page's locale where translated."""
        from wagtail.models import Page

        from civic_wagtail.localized import localized

        from .pages import CaseStudyPage

        versions = Page.objects.filter(translation_key=self.translation_key).values("pk")
        cases = CaseStudyPage.objects.filter(
            Q(adapted_from__in=versions) | Q(practices__in=versions)
        )
        return (
            localized(cases, self.locale_id).live().public().order_by("place", "title")
        )

    @property
    def localized_adapted_from(self):
        """The page this one was adapted from, in this page's locale when translated there;
        None unless live."""
        from civic_wagtail.localized import localized_objects

        origin = self.adapted_from if self.adapted_from_id else None
        if origin is None:
            return None
        origin = localized_objects([origin], self.locale_id)[0]
        return origin if origin.live else None


def _count(queryset):
    counted = queryset.order_by().annotate(
        n=Func(F("pk"), function="COUNT", template="%(function)s(DISTINCT %(expressions)s)")
    )
    return Coalesce(Subquery(counted.values("n"), output_field=models.IntegerField()), 0)


def adoption_count_expression():
    """How many live case studies adopted the outer page: for ``annotate()`` and ordering.

    Two correlated counts, each answered from an index (the practices link table, the
    ``adapted_from`` column), rather than one count over an ``OR`` that no index serves:
    cases applying the page, plus cases adapted from it that do not also apply it.
    """
    from .pages import CaseStudyPage

    live = CaseStudyPage.objects.filter(live=True)
    applying = live.filter(practices=OuterRef("pk"))
    adapting_only = live.filter(adapted_from=OuterRef("pk")).exclude(practices=OuterRef("pk"))
    return _count(applying) + _count(adapting_only)


def last_reviewed_expression():
    """When the outer page last completed its workflow with approval (the peer review).

    Reads Wagtail's own workflow records, so whichever review workflow a site runs, the
    library can sort by "recently reviewed" without the review app writing to the page.
    """
    from wagtail.models import Page, WorkflowState

    states = (
        WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id=Cast(OuterRef("pk"), CharField()),
            status=WorkflowState.STATUS_APPROVED,
        )
        .annotate(at=Coalesce("current_task_state__finished_at", "created_at"))
        .order_by("-at")
        .values("at")[:1]
    )
    return Subquery(states, output_field=models.DateTimeField())


class BestPracticeMixin(LibraryPageMixin):
    """A practice that worked: problem, approach, steps, costs, risks and evidence."""

    problem = RichTextField(_("problem addressed"), features=RICH)
    approach = RichTextField(_("approach"), features=RICH)
    steps = StreamField(StepsBlock(), verbose_name=_("implementation steps"), blank=True)
    prerequisites = RichTextField(_("prerequisites"), features=RICH, blank=True)
    cost_band = models.CharField(
        _("cost band"), max_length=20, choices=CostBand.choices, blank=True
    )
    cost_notes = models.TextField(_("cost notes"), blank=True)
    implementation_months = models.PositiveSmallIntegerField(
        _("time to implement (months)"), null=True, blank=True
    )
    risks = RichTextField(_("risks"), features=RICH, blank=True)
    evidence_strength = models.CharField(
        _("evidence strength"),
        max_length=20,
        choices=EvidenceStrength.choices,
        default=EvidenceStrength.ANECDOTAL,
        db_index=True,
    )
    contact_name = models.CharField(_("contact name"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    related_practices = ParentalManyToManyField(
        "civic_wagtail_library.BestPracticePage",
        verbose_name=_("related practices"),
        blank=True,
        related_name="+",
    )

    search_fields = LibraryPageMixin.search_fields + [
        index.SearchField("problem"),
        index.SearchField("approach"),
        index.SearchField("risks"),
        index.FilterField("evidence_strength"),
    ]

    class Meta:
        abstract = True


class CaseStudyMixin(LibraryPageMixin):
    """One place's story: who, where, what they faced, what they did and learned."""

    organisation = models.CharField(_("organisation"), max_length=200)
    place = models.CharField(_("place"), max_length=200, help_text=_("e.g. Lyon, France"))
    context = RichTextField(_("context"), features=RICH, blank=True)
    challenge = RichTextField(_("challenge"), features=RICH)
    what_was_done = RichTextField(_("what was done"), features=RICH)
    lessons = RichTextField(_("lessons learned"), features=RICH, blank=True)
    success_story = models.BooleanField(
        _("success story"), default=False, help_text=_("Feature this case as a success story.")
    )
    practices = ParentalManyToManyField(
        "civic_wagtail_library.BestPracticePage",
        verbose_name=_("practices applied"),
        blank=True,
        related_name="case_studies",
    )

    search_fields = LibraryPageMixin.search_fields + [
        index.SearchField("organisation"),
        index.SearchField("place", boost=2),
        index.SearchField("challenge"),
        index.SearchField("what_was_done"),
        index.SearchField("lessons"),
        index.FilterField("success_story"),
    ]

    class Meta:
        abstract = True
