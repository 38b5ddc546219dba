"""Project trackers: the project list with totals at 10 and 1,000 projects, and ingesting
10,000 measurements through the API against a bare ``bulk_create`` of the same rows.

    PYTHONPATH=$PWD:$PWD/example_site DJANGO_SETTINGS_MODULE=tests.settings \\
        python benchmarks/bench_transparency_projects.py

The list's query count must not grow with the number of projects (it is pinned in
tests/transparency/test_project_pages.py). The ingest ratio (API time / bulk_create time)
is the issue's budget: at most 3.
"""

import datetime
import json
import os
import random
import sys
from decimal import Decimal

sys.path[:0] = [os.getcwd(), os.path.join(os.getcwd(), "example_site")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

from benchmarks.harness import measure, report, start_benchmark, timer  # noqa: E402

start_benchmark()

from django.test import Client  # noqa: E402

from civic_wagtail.transparency.models import (  # noqa: E402
    ApiToken,
    Measurement,
    Organisation,
    ProjectIndexPage,
)
from civic_wagtail.transparency.projects.bulk import (  # noqa: E402
    build_project,
    bulk_add_projects,
)
from tests.conftest import make_home_page  # noqa: E402

ROWS = 10_000


def main():
    home = make_home_page()
    index = ProjectIndexPage(title="Projects", slug="projects")
    home.add_child(instance=index)
    index.save_revision().publish()
    organisation = Organisation.objects.create(name="Springfield", slug="springfield")
    rng = random.Random(7)
    client = Client()

    results = []
    with timer("10 projects"):
        bulk_add_projects(index, [build_project(index, i, organisation, rng) for i in range(10)])
    small = measure(lambda: client.get("/projects/"))
    with timer("990 more projects"):
        bulk_add_projects(
            index, [build_project(index, i, organisation, rng) for i in range(10, 1000)]
        )
    results.append(("project list, 1,000 projects", measure(lambda: client.get("/projects/"))))
    report("Project list with totals", "project list, 10 projects", small, results)

    project_ids = list(index.get_children().values_list("pk", flat=True)[:100])
    _token, raw = ApiToken.issue(organisation, "bench")
    start = datetime.date(2020, 1, 1)
    rows = [
        {
            "project": project_ids[i % 100],
            "indicator": f"indicator-{i // 100 % 10}",
            "date": (start + datetime.timedelta(days=i // 1000)).isoformat(),
            "value": str(Decimal(i) / 4),
            "unit": "%",
            "source": "bench",
        }
        for i in range(ROWS)
    ]
    body = json.dumps({"rows": rows})

    def bare():
        Measurement.objects.all().delete()
        Measurement.objects.bulk_create(
            [
                Measurement(
                    project_id=row["project"],
                    indicator=row["indicator"],
                    date=datetime.date.fromisoformat(row["date"]),
                    value=Decimal(row["value"]),
                    unit=row["unit"],
                    source=row["source"],
                )
                for row in rows
            ],
            batch_size=1000,
        )

    def api_fresh():
        Measurement.objects.all().delete()
        response = client.post(
            "/transparency/projects/api/measurements/",
            body,
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {raw}",
        )
        assert response.status_code == 200, response.content[:500]

    def api_again():
        response = client.post(
            "/transparency/projects/api/measurements/",
            body,
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {raw}",
        )
        assert response.status_code == 200, response.content[:500]

    baseline = measure(bare, repeat=3)
    fresh = measure(api_fresh, repeat=3)
    again = measure(api_again, repeat=3)
    report(
        f"Ingest {ROWS:,} measurements (budget: ratio at most 3)",
        "bare bulk_create (delete + insert)",
        baseline,
        [("API, new rows (delete + POST)", fresh), ("API, same rows again (upsert)", again)],
    )


main()
