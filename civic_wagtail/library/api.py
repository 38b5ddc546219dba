"""Open data: practices and case studies, with their outcomes, through Wagtail's API v2.

``api_router`` serves ``practices/`` and ``case-studies/`` (list and detail). Besides the
API's own filters (``?evidence_strength=evaluated``, ``?search=``, ``?fields=``,
``?locale=``), the listing accepts the library's taxonomy slugs: ``?topic=``, ``?level=``,
``?region=``, ``?organisation_type=`` and ``?indicator=``. A site that runs its own router
registers the endpoint classes there instead.
"""

from django.db.models import Prefetch
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from .models import BestPracticePage, CaseStudyOutcome, CaseStudyPage, PracticeOutcome

#: Query parameter -> lookup on the page model.
SLUG_FILTERS = {
    "topic": "topics__slug",
    "level": "government_levels__slug",
    "region": "regions__slug",
    "organisation_type": "organisation_types__slug",
    "indicator": "outcomes__indicator__slug",
}


class TaxonomyFilter(BaseFilterBackend):
    """Filter by taxonomy or indicator slug; an unknown slug gives an empty list."""

    def filter_queryset(self, request, queryset, view):
        for param, lookup in SLUG_FILTERS.items():
            value = request.GET.get(param)
            if value:
                matching = queryset.model.objects.filter(**{lookup: value}).values("pk")
                queryset = queryset.filter(pk__in=matching)
        return queryset


class LibraryPagesAPIViewSet(PagesAPIViewSet):
    """Pages API restricted to one library page type (``model``), with outcomes prefetched."""

    #: The outcome model whose rows the ``outcomes`` field serialises.
    outcome_model = None
    # The search filter must stay last: search results cannot be filtered further.
    filter_backends = [TaxonomyFilter, *PagesAPIViewSet.filter_backends]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(SLUG_FILTERS)

    def get_queryset(self):
        public = self.get_base_queryset().values_list("pk", flat=True)
        return (
            self.model.objects.filter(pk__in=public)
            .order_by("path")
            .select_related("locale")
            .prefetch_related(
                Prefetch(
                    "outcomes",
                    queryset=self.outcome_model.objects.select_related("indicator"),
                ),
                "topics",
                "government_levels",
                "regions",
                "organisation_types",
            )
        )


class PracticesAPIViewSet(LibraryPagesAPIViewSet):
    model = BestPracticePage
    outcome_model = PracticeOutcome
    name = "practices"
    listing_default_fields = LibraryPagesAPIViewSet.listing_default_fields + [
        "summary",
        "evidence_strength",
    ]


class CaseStudiesAPIViewSet(LibraryPagesAPIViewSet):
    model = CaseStudyPage
    outcome_model = CaseStudyOutcome
    name = "case-studies"
    listing_default_fields = LibraryPagesAPIViewSet.listing_default_fields + [
        "summary",
        "organisation",
        "place",
        "outcomes",
    ]


#: Mounted by :mod:`civic_wagtail.library.urls` under ``api/v2/``.
api_router = WagtailAPIRouter("civic_wagtail_library:api")
api_router.register_endpoint("practices", PracticesAPIViewSet)
api_router.register_endpoint("case-studies", CaseStudiesAPIViewSet)
