"""The library's concrete page types and their outcome rows."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField

from civic_wagtail import page_cache
from civic_wagtail.localized import localized
from civic_wagtail.models import ClassifiedMixin

from ..credits import adoption_context, credited
from ..serializers import OutcomeSerializer, PeerReviewedAtField, TermSerializer
from .mixins import BestPracticeMixin, CaseStudyMixin
from .outcomes import AbstractOutcome
from .relations import published_related

TAXONOMY_API_FIELDS = [
    APIField(name, serializer=TermSerializer(many=True))
    for name in ("topics", "government_levels", "regions", "organisation_types")
]
#: When the page was last peer reviewed (ISO 8601, ``null`` if never): open data about quality.
PEER_REVIEW_API_FIELD = APIField("peer_reviewed_at", serializer=PeerReviewedAtField())
SYNCHRONISED_PAGE_FIELDS = [
    SynchronizedField("adapted_from"),
    SynchronizedField("evidence_strength"),
    SynchronizedField("cost_band"),
    SynchronizedField("implementation_months"),
    SynchronizedField("contact_email"),
    SynchronizedField("contributors"),
]


class LibraryIndexPage(RoutablePageMixin, Page):
    """The library (``/library/`` in the demo): search, filters, sorting and exports.

    Sub-URLs: ``export/csv/`` (the filtered outcomes as CSV) and ``submit/`` (a verified
    member contributes a case study) and ``submit/practice/`` (a best practice).
    """

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = [
        "civic_wagtail_library.BestPracticePage",
        "civic_wagtail_library.CaseStudyPage",
    ]
    template = "civic_wagtail/library/library_index_page.html"

    class Meta:
        verbose_name = _("library index")

    @path("")
    def index_route(self, request):
        from ..listing import serve_index

        return serve_index(self, request)

    @path("export/csv/", name="outcomes_csv")
    def outcomes_csv(self, request):
        from ..exports import serve_outcomes_csv

        return serve_outcomes_csv(self, request)

    @path("submit/", name="submit")
    def submit(self, request):
        from ..submission import serve_submission

        return serve_submission(self, request)

    @path("submit/practice/", name="submit_practice")
    def submit_practice(self, request):
        from ..practice_submission import serve_practice_submission

        return serve_practice_submission(self, request)

    def get_listing_queryset(self):
        """Pages listed by the index: live, public practices and case studies below it."""
        return (
            Page.objects.live()
            .public()
            .descendant_of(self)
            .type(BestPracticePage, CaseStudyPage)
        )


class BestPracticePage(BestPracticeMixin, ClassifiedMixin, Page):
    """A best practice with its steps, evidence and measured outcomes."""

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("problem"),
        FieldPanel("approach"),
        FieldPanel("steps"),
        FieldPanel("prerequisites"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("cost_band"), FieldPanel("implementation_months")]),
                FieldPanel("cost_notes"),
            ],
            heading=_("Costs and time"),
        ),
        FieldPanel("risks"),
        FieldPanel("what_did_not_work"),
        FieldPanel("evidence_strength", widget=forms.RadioSelect),
        InlinePanel("outcomes", heading=_("Measurable outcomes"), label=_("Outcome")),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("contributors")],
            heading=_("Contact and credits"),
        ),
        MultiFieldPanel(ClassifiedMixin.taxonomy_panels, heading=_("Classification")),
        FieldPanel("adapted_from"),
        FieldPanel("related_practices"),
    ]
    parent_page_types = ["civic_wagtail_library.LibraryIndexPage"]
    subpage_types = []
    template = "civic_wagtail/library/best_practice_page.html"
    search_fields = Page.search_fields + BestPracticeMixin.search_fields
    override_translatable_fields = SYNCHRONISED_PAGE_FIELDS
    api_fields = [
        APIField("summary"),
        APIField("problem"),
        APIField("approach"),
        APIField("steps"),
        APIField("prerequisites"),
        APIField("cost_band"),
        APIField("cost_notes"),
        APIField("implementation_months"),
        APIField("risks"),
        APIField("evidence_strength"),
        APIField("adapted_from"),
        PEER_REVIEW_API_FIELD,
        APIField("outcomes", serializer=OutcomeSerializer(many=True)),
        *TAXONOMY_API_FIELDS,
    ]

    class Meta:
        verbose_name = _("best practice")
        verbose_name_plural = _("best practices")

    def get_context(self, request, *args, **kwargs):
        from ..comparison import compare_outcomes
        from .resources import ResourcePage

        # Cached for anonymous visitors until it, a practice, a case study (adoptions) or a
        # resource is published, or its discussion changes (civic_wagtail.page_cache).
        page_cache.depends_on(
            request,
            page_cache.page_scope(self.pk),
            page_cache.type_scope(BestPracticePage),
            page_cache.type_scope(CaseStudyPage),
            page_cache.type_scope(ResourcePage),
            page_cache.NAV,
        )

        context = super().get_context(request, *args, **kwargs)
        context["outcomes"] = self.outcomes.select_related("indicator")
        context["comparison"] = compare_outcomes(self)
        context["adoptions"] = list(self.get_adoptions().only("title", "place", "url_path"))
        context.update(adoption_context(self.pk, context["adoptions"]))
        context["contributors"] = credited(self)
        # Links follow the page's locale: each linked page's translation where there is one.
        resources = ResourcePage.objects.filter(
            supported_practices__translation_key=self.translation_key
        )
        context["resources"] = (
            localized(resources, self.locale_id)
            .live()
            .public()
            .only("title", "url_path", "summary")
        )
        context["related"] = published_related(self.related_practices, self.locale_id).only(
            "title", "url_path"
        )
        return context


class CaseStudyPage(CaseStudyMixin, ClassifiedMixin, Page):
    """A case study: one organisation's experience, with outcomes and lineage."""

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("organisation"), FieldPanel("place")]),
        FieldPanel("context"),
        FieldPanel("challenge"),
        FieldPanel("what_was_done"),
        FieldPanel("lessons"),
        FieldPanel("what_did_not_work"),
        FieldPanel("contributors"),
        FieldPanel("success_story"),
        InlinePanel("outcomes", heading=_("Measurable outcomes"), label=_("Outcome")),
        MultiFieldPanel(
            [FieldPanel("practices"), FieldPanel("adapted_from")], heading=_("Practices")
        ),
        MultiFieldPanel(ClassifiedMixin.taxonomy_panels, heading=_("Classification")),
    ]
    parent_page_types = ["civic_wagtail_library.LibraryIndexPage"]
    subpage_types = []
    template = "civic_wagtail/library/case_study_page.html"
    search_fields = Page.search_fields + CaseStudyMixin.search_fields
    override_translatable_fields = [
        SynchronizedField("adapted_from"),
        SynchronizedField("success_story"),
        SynchronizedField("contributors"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("organisation"),
        APIField("place"),
        APIField("context"),
        APIField("challenge"),
        APIField("what_was_done"),
        APIField("lessons"),
        APIField("success_story"),
        APIField("adapted_from"),
        APIField("practices"),
        PEER_REVIEW_API_FIELD,
        APIField("outcomes", serializer=OutcomeSerializer(many=True)),
        *TAXONOMY_API_FIELDS,
    ]

    class Meta:
        verbose_name = _("case study")
        verbose_name_plural = _("case studies")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["outcomes"] = self.outcomes.select_related("indicator")
        context["adoptions"] = list(self.get_adoptions().only("title", "place", "url_path"))
        context["applied"] = published_related(self.practices, self.locale_id).only(
            "title", "url_path"
        )
        context["contributors"] = credited(self)
        context["origin"] = (
            localized(Page.objects.filter(pk=self.adapted_from_id), self.locale_id)
            .live()
            .public()
            .first()
            if self.adapted_from_id
            else None
        )
        return context


class PracticeOutcome(AbstractOutcome):
    page = ParentalKey(BestPracticePage, on_delete=models.CASCADE, related_name="outcomes")

    class Meta(AbstractOutcome.Meta):
        verbose_name = _("practice outcome")


class CaseStudyOutcome(AbstractOutcome):
    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="outcomes")

    class Meta(AbstractOutcome.Meta):
        verbose_name = _("case-study outcome")
