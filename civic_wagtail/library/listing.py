"""The library index and resource hub listings.

Query plan of one index page, whatever the size of the library: the filter choices (one
query per vocabulary), a count, the page of results, one query per page type for the
specific fields (bodies deferred, the peer-review date annotated), their topics and regions,
and one query for the adoption counts of the cards shown.
"""

from collections import defaultdict

from django.db.models import Q
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from civic_wagtail import page_cache, params
from civic_wagtail.localized import localized_objects
from civic_wagtail.pagination import paginate
from civic_wagtail.peer_review import with_reviewed_at

from .filters import LibraryFilterForm, filtered_pages, search_pages
from .models import BestPracticePage, CaseStudyPage, ResourcePage, ResourceType


def load_cards(pages, locale=None):
    """The specific pages for ``pages`` (base Page objects), in order, with what cards show.

    Every query below runs with all the ids of the page of results, whatever their type,
    so the number of queries is the same for any mix of practices and case studies.
    """
    ids = [page.pk for page in pages]
    if not ids:
        return []
    specific, terms = {}, defaultdict(lambda: defaultdict(list))
    for model in (BestPracticePage, CaseStudyPage):
        specific.update(
            (row.pk, row)
            for row in with_reviewed_at(model.objects.filter(pk__in=ids).defer_streamfields())
        )
        for relation in ("topics", "regions"):
            for page_id, term in related_terms(model, relation, ids):
                terms[page_id][relation].append(term)
    if locale is not None:
        localize_terms(terms, locale)
    counts = adoption_counts(ids)
    cards = []
    for page in pages:
        card = specific.get(page.pk)
        if card is not None:
            card.adoption_total = counts.get(page.pk, 0)
            card.topic_list = terms[page.pk]["topics"]
            card.region_list = terms[page.pk]["regions"]
            cards.append(card)
    return cards


def localize_terms(terms, locale):
    """Swap each card's terms for their translations in ``locale`` (a locale or its id): one
    query per vocabulary shown (topics, regions) whatever the number of cards, and none when
    the terms are already in that locale."""
    for relation in ("topics", "regions"):
        lists = [by_relation[relation] for by_relation in terms.values()]
        flat = localized_objects([term for items in lists for term in items], locale)
        position = 0
        for items in lists:
            items[:] = flat[position : position + len(items)]
            position += len(items)


def related_terms(model, relation, ids):
    """(page id, term) pairs of a many-to-many ``relation`` of ``model``, in one query."""
    field = model._meta.get_field(relation)
    through = field.remote_field.through
    source = field.m2m_field_name()
    target = field.m2m_reverse_field_name()
    rows = (
        through.objects.filter(**{f"{source}__in": ids})
        .select_related(target)
        .order_by(f"{target}__name")
    )
    return [(getattr(row, f"{source}_id"), getattr(row, target)) for row in rows]


def adoption_counts(ids):
    """{page id: number of live case studies adopting it} for ``ids``, in one query."""
    rows = (
        CaseStudyPage.objects.live()
        .filter(Q(adapted_from__in=ids) | Q(practices__in=ids))
        .values_list("pk", "adapted_from", "practices")
    )
    adopters = defaultdict(set)
    wanted = set(ids)
    for case_pk, origin, practice in rows:
        for target in (origin, practice):
            if target in wanted:
                adopters[target].add(case_pk)
    return {pk: len(cases) for pk, cases in adopters.items()}


RESULTS_TEMPLATE = "civic_wagtail/library/includes/results.html"


def results_html(index_page, request, form):
    """The results part of the index for a valid ``form``: from the cache while no practice or
    case study was published or unpublished since (:func:`civic_wagtail.page_cache.fragment`),
    for signed-in members too."""
    scopes = [
        page_cache.page_scope(index_page.pk),
        page_cache.type_scope(BestPracticePage),
        page_cache.type_scope(CaseStudyPage),
    ]

    def render():
        data = form.cleaned_data if form.is_bound else {}
        filters = form.filter_values() if form.is_bound else {}
        results = search_pages(filtered_pages(index_page.get_listing_queryset(), data), data)
        page_obj = paginate(request, results)
        context = {
            "page": index_page,
            "cards": load_cards(list(page_obj.object_list), index_page.locale_id),
            "page_obj": page_obj,
            "query_string": urlencode(filters),
            "request": request,
        }
        return render_to_string(RESULTS_TEMPLATE, context, request=request), None

    parts = [index_page.pk, request.get_host(), get_language(), request.GET.urlencode()]
    html, _ = page_cache.fragment("library-results", parts, scopes, render)
    return mark_safe(page_cache.with_csrf(request, html))  # noqa: S308 (our own rendering)


def serve_index(index_page, request):
    params.check_all_text(request)
    page_cache.depends_on(
        request,
        page_cache.page_scope(index_page.pk),
        page_cache.type_scope(BestPracticePage),
        page_cache.type_scope(CaseStudyPage),
        page_cache.NAV,
    )
    form = LibraryFilterForm(request.GET or None)
    status = 200
    if form.is_bound and not form.is_valid():
        status = 400
        results = render_to_string(
            RESULTS_TEMPLATE, {"page": index_page, "cards": [], "page_obj": None}, request=request
        )
    else:
        results = results_html(index_page, request, form)
    context = index_page.get_context(request)
    context.update({"form": form, "results": results})
    return TemplateResponse(request, index_page.get_template(request), context, status=status)


def resource_listing_context(index_page, request):
    """Context of the resource hub: resources below it, optionally of one type."""
    resource_type = params.get_text(request, "type")
    valid_types = dict(ResourceType.choices)
    resources = (
        ResourcePage.objects.live()
        .public()
        .descendant_of(index_page)
        .select_related("document")
        .order_by("title")
    )
    type_error = resource_type and resource_type not in valid_types
    if resource_type and not type_error:
        resources = resources.filter(resource_type=resource_type)
    elif type_error:
        resources = resources.none()
    page_obj = paginate(request, resources)
    return {
        "resource_types": ResourceType.choices,
        "selected_type": resource_type,
        "type_error": type_error,
        "page_obj": page_obj,
        "resources": page_obj.object_list,
    }
