"""The project list: filters, totals per currency computed in the database, one page of cards.

The number of queries does not depend on the number of projects (a test pins it).
"""

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _

from civic_wagtail.conf import civic_settings
from civic_wagtail.models import Topic
from civic_wagtail.pagination import paginate

from ..models import Organisation, ProjectPage, ProjectStatus
from .charts import budget_chart


def budget_bands():
    return [
        {"slug": slug, "label": label, "low": low, "high": high}
        for slug, label, low, high in civic_settings.TRANSPARENCY_BUDGET_BANDS
    ]


def _clean(value, allowed):
    return value if value in allowed else ""


def projects_in(index):
    """Live, public projects under ``index``."""
    return ProjectPage.objects.live().public().descendant_of(index)


def read_filter(request, topics, organisations):
    get = request.GET
    bands = {band["slug"]: band for band in budget_bands()}
    return {
        "status": _clean(get.get("status", ""), dict(ProjectStatus.choices)),
        "topic": _clean(get.get("topic", ""), {t.slug for t in topics}),
        "organisation": _clean(get.get("organisation", ""), {o.slug for o in organisations}),
        "band": bands.get(get.get("band", "")),
    }


def apply_filter(queryset, chosen):
    if chosen["status"]:
        queryset = queryset.filter(status=chosen["status"])
    if chosen["topic"]:
        through = ProjectPage.topics.through
        queryset = queryset.filter(
            pk__in=through.objects.filter(topic__slug=chosen["topic"]).values("projectpage_id")
        )
    if chosen["organisation"]:
        queryset = queryset.filter(organisation__slug=chosen["organisation"])
    band = chosen["band"]
    if band:
        if band["low"] is not None:
            queryset = queryset.filter(budget_planned__gte=band["low"])
        if band["high"] is not None:
            queryset = queryset.filter(budget_planned__lt=band["high"])
    return queryset


def totals(queryset):
    """One row per currency: number of projects, planned, committed and spent (one query).

    Amounts in different currencies are never added together.
    """
    return list(
        queryset.order_by()
        .values("currency")
        .annotate(
            projects=Count("pk"),
            planned=Sum("budget_planned"),
            committed=Sum("budget_committed"),
            spent=Sum("budget_spent"),
            completed=Count("pk", filter=Q(status=ProjectStatus.COMPLETED)),
        )
        .order_by("currency")
    )


def filtered(index, request):
    """``(filtered queryset, filter choices, chosen values)`` for the list and its exports."""
    base = projects_in(index)
    topics = list(Topic.objects.for_locale(index.locale_id).order_by("name"))
    organisations = list(Organisation.objects.filter(projects__in=base).distinct())
    chosen = read_filter(request, topics, organisations)
    return apply_filter(base, chosen), {"topics": topics, "organisations": organisations}, chosen


def index_context(index, request):
    queryset, choices, chosen = filtered(index, request)
    rows = totals(queryset)
    listing = queryset.select_related("organisation").defer_streamfields().order_by("title", "pk")
    page = paginate(request, listing, civic_settings.TRANSPARENCY_PROJECTS_PER_PAGE)
    charts = [
        budget_chart(
            _("Budget of the projects shown, in %(currency)s") % {"currency": row["currency"]},
            _(
                "Planned %(planned)s, committed %(committed)s and spent %(spent)s %(currency)s "
                "across %(n)s projects."
            )
            % {**row, "n": row["projects"]},
            row,
        )
        for row in rows
    ]
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "projects": page,
        "page_obj": page,
        "totals": rows,
        "charts": charts,
        "statuses": ProjectStatus.choices,
        "bands": budget_bands(),
        "chosen": chosen,
        "filter_query": query.urlencode(),
        **choices,
    }
