"""Open data of the project trackers: each project and each (filtered) list as CSV and JSON,
and the whole site's data as a Frictionless Data Package (``datapackage.json`` + CSVs).

The columns and their types are declared once in :data:`SCHEMAS`; the CSV writers, the JSON
writers and the package's table schemas all read them.
"""

import csv
import io
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse, JsonResponse
from django.urls import reverse
from wagtail.models import Site

from civic_wagtail.open_data import site_url

from ..models import Measurement, Milestone, ProjectPage, Spending
from .detail import measurements_of

#: ``{resource: [(column, frictionless type, description)]}``
SCHEMAS = {
    "projects": [
        ("id", "integer", "Project number (also the ingest API's project)"),
        ("title", "string", "Project title"),
        ("url", "string", "Public page of the project"),
        ("status", "string", "planned, in_progress, on_hold, completed or cancelled"),
        ("organisation", "string", "Responsible organisation"),
        ("place", "string", "Where the project happens"),
        ("currency", "string", "ISO 4217 code of the amounts"),
        ("budget_planned", "number", "Planned budget"),
        ("budget_committed", "number", "Amount committed"),
        ("budget_spent", "number", "Amount spent"),
        ("funding_source", "string", "Funding source"),
        ("progress", "integer", "Percentage of milestones reached"),
        ("topics", "string", "Topic slugs, separated by semicolons"),
    ],
    "milestones": [
        ("id", "integer", "Milestone number"),
        ("project", "integer", "Project number"),
        ("title", "string", "Milestone"),
        ("planned_date", "date", "Planned date"),
        ("actual_date", "date", "Actual date (empty until reached)"),
    ],
    "measurements": [
        ("project", "integer", "Project number"),
        ("indicator", "string", "Indicator slug"),
        ("date", "date", "Date of the value"),
        ("value", "number", "Value"),
        ("unit", "string", "Unit"),
        ("source", "string", "Source of the value"),
    ],
    "spending": [
        ("project", "integer", "Project number"),
        ("date", "date", "Date the amounts were reported for"),
        ("committed", "number", "Amount committed so far (running total)"),
        ("spent", "number", "Amount spent so far (running total)"),
        ("note", "string", "Note from the reporting organisation"),
    ],
}
CONSTRAINTS = {
    ("projects", "id"): {"required": True, "unique": True},
    ("projects", "title"): {"required": True},
    ("projects", "currency"): {"required": True, "pattern": "[A-Z]{3}"},
    ("milestones", "id"): {"required": True, "unique": True},
    ("milestones", "project"): {"required": True},
    ("measurements", "project"): {"required": True},
    ("measurements", "indicator"): {"required": True},
    ("measurements", "date"): {"required": True},
    ("measurements", "value"): {"required": True},
    ("spending", "project"): {"required": True},
    ("spending", "date"): {"required": True},
    ("spending", "committed"): {"required": True, "minimum": 0},
    ("spending", "spent"): {"required": True, "minimum": 0},
}


def columns(name):
    return [column for column, _type, _description in SCHEMAS[name]]


def _csv_response(name, rows, filename):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns(name))
    for row in rows:
        writer.writerow(["" if row[c] is None else row[c] for c in columns(name)])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _json_response(data):
    return JsonResponse(data, encoder=DjangoJSONEncoder, json_dumps_params={"ensure_ascii": False})


def project_rows(queryset, request):
    """Rows of ``projects`` for ``queryset`` (three queries whatever its size)."""
    queryset = (
        queryset.select_related("organisation")
        .prefetch_related("topics")
        .defer_streamfields()
        .order_by("pk")
    )
    for page in queryset:
        yield {
            "id": page.pk,
            "title": page.title,
            "url": page.get_full_url(request),
            "status": page.status,
            "organisation": page.organisation.name,
            "place": page.place,
            "currency": page.currency,
            "budget_planned": page.budget_planned,
            "budget_committed": page.budget_committed,
            "budget_spent": page.budget_spent,
            "funding_source": page.funding_source,
            "progress": page.progress,
            "topics": ";".join(sorted(t.slug for t in page.topics.all())),
        }


def _renamed(rows, old, new):
    for row in rows:
        row[new] = row.pop(old)
        yield row


def milestone_rows(queryset):
    rows = (
        Milestone.objects.filter(page__in=queryset)
        .order_by("page_id", "sort_order", "pk")
        .values("id", "title", "planned_date", "actual_date", "page_id")
    )
    return _renamed(rows, "page_id", "project")


def measurement_rows(queryset):
    rows = (
        Measurement.objects.filter(project__in=queryset)
        .order_by("project_id", "indicator", "date")
        .values("indicator", "date", "value", "unit", "source", "project_id")
    )
    return _renamed(rows, "project_id", "project")


def spending_rows(queryset):
    rows = (
        Spending.objects.filter(project__in=queryset)
        .order_by("project_id", "date")
        .values("date", "committed", "spent", "note", "project_id")
    )
    return _renamed(rows, "project_id", "project")


def index_csv(index, request):
    from .listing import filtered

    queryset, _choices, _chosen = filtered(index, request)
    return _csv_response("projects", project_rows(queryset, request), f"{index.slug}.csv")


def index_json(index, request):
    from .listing import filtered, totals

    queryset, _choices, _chosen = filtered(index, request)
    return _json_response(
        {
            "title": index.title,
            "url": index.get_full_url(request),
            "totals": totals(queryset),
            "projects": list(project_rows(queryset, request)),
        }
    )


def project_csv(page, request):
    rows = _renamed(
        measurements_of(page).values("indicator", "date", "value", "unit", "source", "project_id"),
        "project_id",
        "project",
    )
    return _csv_response("measurements", rows, f"{page.slug}.csv")


def project_json(page, request):
    single = ProjectPage.objects.filter(pk=page.pk)
    project = next(iter(project_rows(single, request)))
    project["milestones"] = [
        {k: v for k, v in row.items() if k != "project"} for row in milestone_rows(single)
    ]
    project["measurements"] = [
        {k: v for k, v in row.items() if k != "project"}
        for row in measurements_of(page).values("indicator", "date", "value", "unit", "source")
    ]
    project["spending"] = list(
        Spending.objects.filter(project__translation_key=page.translation_key)
        .order_by("date")
        .values("date", "committed", "spent", "note")
    )
    practice = page.practice
    project["practice"] = (
        {"title": practice.title, "url": practice.get_full_url(request)}
        if practice is not None and practice.live
        else None
    )
    return _json_response(project)


# --- the whole data set as a Frictionless Data Package ---------------------------------------


def site_projects(request):
    site = Site.find_for_request(request)
    queryset = ProjectPage.objects.live().public()
    return queryset.in_site(site) if site is not None else queryset


def schema(name):
    fields = []
    for column, kind, description in SCHEMAS[name]:
        spec = {"name": column, "type": kind, "description": description}
        if (name, column) in CONSTRAINTS:
            spec["constraints"] = CONSTRAINTS[(name, column)]
        fields.append(spec)
    result = {"fields": fields, "missingValues": [""]}
    if name in ("projects", "milestones"):
        result["primaryKey"] = ["id"]
    if name == "measurements":
        result["primaryKey"] = ["project", "indicator", "date"]
    if name == "spending":
        result["primaryKey"] = ["project", "date"]
    if name in ("milestones", "measurements", "spending"):
        result["foreignKeys"] = [
            {"fields": ["project"], "reference": {"resource": "projects", "fields": ["id"]}}
        ]
    return result


def datapackage(request):
    """``datapackage.json``: resource paths are relative to it (``data/projects.csv``)."""
    descriptor = {
        "profile": "tabular-data-package",
        "name": "civic-wagtail-projects",
        "title": "Public projects: budgets, spending, milestones and measured results",
        # The Site's own address (as every absolute link of the open-data page), not the
        # address this request happened to come in on.
        "homepage": site_url(request) + "/",
        "licenses": [
            {
                "name": "ODC-BY-1.0",
                "path": "https://opendatacommons.org/licenses/by/1-0/",
                "title": "Open Data Commons Attribution License 1.0",
            }
        ],
        "resources": [
            {
                "name": name,
                "path": f"data/{name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": schema(name),
            }
            for name in SCHEMAS
        ],
    }
    return HttpResponse(
        json.dumps(descriptor, indent=2, ensure_ascii=False),
        content_type="application/json",
    )


def resource(request, name):
    if name not in SCHEMAS:
        raise Http404
    queryset = site_projects(request)
    rows = {
        "projects": lambda: project_rows(queryset, request),
        "milestones": lambda: milestone_rows(queryset),
        "measurements": lambda: measurement_rows(queryset),
        "spending": lambda: spending_rows(queryset),
    }[name]()
    return _csv_response(name, rows, f"{name}.csv")


def package_url(request):
    return site_url(request) + reverse("civic_wagtail_transparency:projects_datapackage")
