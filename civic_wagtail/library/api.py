"""Open data: practices and case studies, with their outcomes, through Wagtail's API v2.

``api_router`` serves ``practices/`` and ``case-studies/`` (list and detail). Besides the
API's own filters (``?evidence_strength=evaluated``, ``?search=``, ``?fields=``,
``?locale=``), the listing accepts the library's taxonomy slugs: ``?topic=``, ``?level=``,
``?region=``, ``?organisation_type=`` and ``?indicator=``. A site that runs its own router
registers the endpoint classes there instead.

Every query parameter is checked before Wagtail's filters read it (no control characters,
bounded length, ``offset`` and ``limit`` within range) and ``?search=`` is reduced to plain
words by :func:`civic_wagtail.search_terms.search_terms`; a bad value is a JSON 400.
"""

from django.db.models import Prefetch
from django.urls import path
from rest_framework import status
from rest_framework.filters import BaseFilterBackend
from rest_framework.response import Response
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from civic_wagtail import converters, page_cache, params
from civic_wagtail.peer_review import with_reviewed_at
from civic_wagtail.search_terms import search_terms

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
            value = params.get_text(request, param)
            if value:
                matching = queryset.model.objects.filter(**{lookup: value}).values("pk")
                queryset = queryset.filter(pk__in=matching)
        return queryset


class PlainSearchFilter(SearchFilter):
    """Wagtail's ``?search=`` filter; a search of punctuation alone finds nothing."""

    def filter_queryset(self, request, queryset, view):
        if "search" in request.GET and not request.GET["search"]:
            return queryset.none()
        return super().filter_queryset(request, queryset, view)


#: Integer parameters of Wagtail's pages API and their largest value.
INTEGER_PARAMETERS = ("offset", "limit", "id", "child_of", "descendant_of", "ancestor_of",
                      "translation_of")


def clean_query(request):
    """Check every parameter of ``request`` and reduce ``?search=`` to plain words.

    Wagtail's filters read ``request.GET`` directly, so the cleaned copy replaces it.
    """
    params.check_all_text(request)
    for name in INTEGER_PARAMETERS:
        params.get_integer(request, name)
    if params.get_text(request, "search_operator") not in ("", "and", "or"):
        raise params.BadParameter("search_operator", "Use and or or.")
    if "search" in request.GET:
        query = request.GET.copy()
        query["search"] = search_terms(request.GET["search"])
        request.GET = query


class LibraryPagesAPIViewSet(PagesAPIViewSet):
    """Pages API restricted to one library page type (``model``), with outcomes prefetched."""

    #: The outcome model whose rows the ``outcomes`` field serialises.
    outcome_model = None
    # The search filter must stay last: search results cannot be filtered further.
    filter_backends = [
        TaxonomyFilter,
        *(
            PlainSearchFilter if backend is SearchFilter else backend
            for backend in PagesAPIViewSet.filter_backends
        ),
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(SLUG_FILTERS)

    @classmethod
    def get_urlpatterns(cls):
        # Wagtail's own patterns with ``civic_id``: a 20-digit id is a 404, not a 500.
        return [
            path("", cls.as_view({"get": "listing_view"}), name="listing"),
            path(f"<{converters.NAME}:pk>/", cls.as_view({"get": "detail_view"}),
                 name="detail"),
            path("find/", cls.as_view({"get": "find_view"}), name="find"),
        ]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        clean_query(request._request)
        # Anonymous answers are cached until a page of this type (or a related one) is
        # published (civic_wagtail.page_cache).
        page_cache.depends_on(
            request._request, *(page_cache.type_scope(model) for model in self.cache_models())
        )

    def cache_models(self):
        from .models import BestPracticePage, CaseStudyPage, ResourcePage

        return [self.model, BestPracticePage, CaseStudyPage, ResourcePage]

    def handle_exception(self, exc):
        if isinstance(exc, params.BadParameter):
            return Response({"message": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
        return super().handle_exception(exc)

    def get_queryset(self):
        public = self.get_base_queryset().values_list("pk", flat=True)
        return (
            with_reviewed_at(self.model.objects.filter(pk__in=public))
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
        "peer_reviewed_at",
    ]


class CaseStudiesAPIViewSet(LibraryPagesAPIViewSet):
    model = CaseStudyPage
    outcome_model = CaseStudyOutcome
    name = "case-studies"
    listing_default_fields = LibraryPagesAPIViewSet.listing_default_fields + [
        "summary",
        "organisation",
        "place",
        "peer_reviewed_at",
        "outcomes",
    ]


#: Mounted by :mod:`civic_wagtail.library.urls` under ``api/v2/``.
api_router = WagtailAPIRouter("civic_wagtail_library:api")
api_router.register_endpoint("practices", PracticesAPIViewSet)
api_router.register_endpoint("case-studies", CaseStudiesAPIViewSet)
