"""The member's own data: every assessment, goal and check-in to download (CSV, JSON) or
delete one by one."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.utils.cache import add_never_cache_headers

from civic_wagtail.members.privacy import _csv

from ..models import AdoptionTracker, Assessment, CheckIn, Goal
from ..personal_data import export_member
from .common import login_needed, render

#: The tables of the export, each downloadable as one CSV file.
TABLES = (
    "improvement_assessments",
    "improvement_ratings",
    "improvement_goals",
    "improvement_milestones",
    "improvement_checkins",
    "improvement_comments",
    "improvement_trackers",
    "improvement_measurements",
    "improvement_teams",
)


def my_data(request, page):
    denied = login_needed(request)
    if denied:
        return denied
    return render(
        request,
        page,
        "data.html",
        {
            "assessments": list(
                Assessment.objects.filter(user=request.user).select_related("framework")
            ),
            "goals": list(Goal.objects.filter(user=request.user)),
            "checkins": list(
                CheckIn.objects.filter(goal__user=request.user).select_related("goal")
            ),
            "trackers": list(AdoptionTracker.objects.filter(user=request.user)),
            "tables": [name.removeprefix("improvement_") for name in TABLES],
        },
    )


def export(request, page, fmt):
    denied = login_needed(request)
    if denied:
        return denied
    if fmt != "json" and f"improvement_{fmt}" not in TABLES:
        raise Http404
    data = export_member(request.user)
    if fmt == "json":
        body = json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        filename = "my-improvement-data.json"
    else:
        rows = data[f"improvement_{fmt}"]
        response = HttpResponse(_csv(rows) if rows else "", content_type="text/csv; charset=utf-8")
        filename = f"my-improvement-{fmt}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    add_never_cache_headers(response)
    return response
