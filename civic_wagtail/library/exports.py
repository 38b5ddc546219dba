"""CSV export of outcomes, with the same search and filters as the library index.

UTF-8 with a byte-order mark (so spreadsheet programs detect the encoding), a header row and
one row per outcome. Rows are streamed from the database in chunks, so an export of the
whole library neither loads it in memory nor runs a query per row.
"""

import csv

from django.http import HttpResponse, StreamingHttpResponse
from django.utils.translation import gettext as _

from civic_wagtail import params
from civic_wagtail.conf import civic_settings
from civic_wagtail.search_terms import search_terms

from .comparison import as_percent
from .filters import LibraryFilterForm, filtered_pages
from .models import CaseStudyOutcome, PracticeOutcome

HEADER = [
    "page_id",
    "page_type",
    "title",
    "url",
    "organisation",
    "place",
    "indicator",
    "indicator_name",
    "unit",
    "direction",
    "baseline",
    "target",
    "actual",
    "relative_change_percent",
    "comparable",
    "period_start",
    "period_end",
    "evidence_url",
]


class Echo:
    """A file-like object whose ``write`` returns the line, for streaming ``csv.writer``."""

    def write(self, value):
        return value


def outcome_rows(pages, request):
    """Yield one list per outcome of the (filtered) ``pages`` queryset."""
    ids = pages.order_by().values("pk")
    limit = civic_settings.LIBRARY_CSV_MAX_ROWS
    for model, page_type in ((PracticeOutcome, "practice"), (CaseStudyOutcome, "case-study")):
        outcomes = (
            model.objects.filter(page__in=ids)
            .select_related("indicator", "page")
            .order_by("page_id", "sort_order")
        )
        for outcome in outcomes[:limit].iterator(chunk_size=2000):
            page = outcome.page
            yield [
                page.pk,
                page_type,
                page.title,
                page.get_full_url(request),
                getattr(page, "organisation", ""),
                getattr(page, "place", ""),
                outcome.indicator.slug,
                outcome.indicator.name,
                outcome.get_unit(),
                outcome.get_direction(),
                _number(outcome.baseline),
                _number(outcome.target),
                _number(outcome.actual),
                _percent(outcome.relative_change),
                "yes" if outcome.is_comparable else "no",
                outcome.period_start.isoformat() if outcome.period_start else "",
                outcome.period_end.isoformat() if outcome.period_end else "",
                outcome.evidence_url,
            ]


def _number(value):
    if value is None:
        return ""
    return format(value.normalize(), "f") if hasattr(value, "normalize") else str(value)


def _percent(change):
    value = as_percent(change)
    return "" if value is None else str(value)


def searched(pages, q):
    """``pages`` narrowed to those the library's search for ``q`` finds (all without ``q``).

    The backend answers the ids of the matches; the export then streams their outcomes from
    the database as it does without a search. Punctuation alone finds nothing, as on the index.
    """
    if not q:
        return pages
    query = search_terms(q)
    if not query:
        return pages.none()
    ids = [page.pk for page in pages.order_by().search(query, order_by_relevance=False)]
    return pages.filter(pk__in=ids)


def serve_outcomes_csv(index_page, request):
    params.check_all_text(request)
    form = LibraryFilterForm(request.GET)
    if not form.is_valid():
        errors = "; ".join(
            f"{name}: {' '.join(messages)}" for name, messages in form.errors.items()
        )
        return HttpResponse(
            _("Invalid filter: %(errors)s") % {"errors": errors},
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    pages = searched(
        filtered_pages(index_page.get_listing_queryset(), form.cleaned_data),
        form.cleaned_data.get("q"),
    )
    writer = csv.writer(Echo())

    def stream():
        yield "\ufeff"
        yield writer.writerow(HEADER)
        for row in outcome_rows(pages, request):
            yield writer.writerow(row)

    response = StreamingHttpResponse(stream(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="outcomes.csv"'
    return response
