"""Open data of the project trackers: CSV and JSON exports, a Frictionless Data Package."""

import csv
import datetime
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from frictionless import Package, validate

from civic_wagtail.transparency.models import Measurement, Spending

from .project_helpers import make_organisation, make_project, make_project_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(home_page):
    index = make_project_index(home_page)
    org = make_organisation()
    project = make_project(index, org, title='Bus lanes, "phase 1"')
    make_project(index, org, title="Draft", publish=False)
    Measurement.objects.bulk_create(
        Measurement(
            project=project,
            indicator="bus-punctuality",
            date=datetime.date(2026, m, 1),
            value=Decimal("80.5") + m,
            unit="%",
        )
        for m in range(1, 13)
    )
    Spending.objects.bulk_create(
        [
            Spending(project=project, date=datetime.date(2026, 3, 31), committed=100, spent=40),
            Spending(
                project=project,
                date=datetime.date(2026, 6, 30),
                committed=Decimal("250.50"),
                spent=90,
                note='Q2, "works"',
            ),
        ]
    )
    return project


def test_project_exports_open_as_csv_and_json(client, project):
    response = client.get(project.url + "csv/")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 12 and rows[0]["value"] == "81.5000"
    data = client.get(project.url + "json/").json()
    assert data["title"] == 'Bus lanes, "phase 1"'
    assert len(data["measurements"]) == 12
    assert [m["title"] for m in data["milestones"]] == ["Design", "Works"]
    assert data["progress"] == 50
    assert [(s["date"], s["committed"]) for s in data["spending"]] == [
        ("2026-03-31", "100.00"),
        ("2026-06-30", "250.50"),
    ]


def test_index_exports_follow_the_filter(client, project):
    rows = list(csv.DictReader(io.StringIO(client.get("/projects/csv/").content.decode())))
    assert [r["title"] for r in rows] == ['Bus lanes, "phase 1"']
    data = client.get("/projects/json/?status=completed").json()
    assert data["projects"] == [] and data["totals"] == []
    data = client.get("/projects/json/").json()
    assert data["totals"][0]["currency"] == "EUR"


def test_datapackage_validates_with_frictionless(client, project, tmp_path):
    descriptor = client.get("/transparency/projects/datapackage.json")
    assert descriptor.status_code == 200
    (tmp_path / "datapackage.json").write_bytes(descriptor.content)
    for resource in json.loads(descriptor.content)["resources"]:
        target = tmp_path / resource["path"]
        target.parent.mkdir(exist_ok=True)
        response = client.get("/transparency/projects/" + resource["path"])
        assert response.status_code == 200
        target.write_bytes(response.content)
    report = validate(str(Path(tmp_path) / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    package = Package(str(tmp_path / "datapackage.json"))
    measurements = package.get_resource("measurements").read_rows()
    assert len(measurements) == 12
    spending = package.get_resource("spending").read_rows()
    assert [(str(r["date"]), r["committed"], r["note"]) for r in spending] == [
        ("2026-03-31", Decimal("100.00"), None),
        ("2026-06-30", Decimal("250.50"), 'Q2, "works"'),
    ]
    assert [row["title"] for row in package.get_resource("projects").read_rows()] == [
        'Bus lanes, "phase 1"'
    ]


def test_unknown_resource_is_a_404(client, project):
    assert client.get("/transparency/projects/data/secrets.csv").status_code == 404


def test_open_data_page_lists_the_package(client, project):
    html = client.get("/open-data/").content.decode()
    assert "/transparency/projects/datapackage.json" in html


def test_open_data_page_lists_the_atom_feeds_next_to_the_calendar_feeds(client, project):
    from tests.factories import TopicFactory

    TopicFactory(name="Transport", slug="transport")
    html = client.get("/open-data/").content.decode()
    assert ">Feeds</h2>" in html
    assert "Calendar feeds" not in html
    for path in (
        "/transparency/policy/feed.atom",
        "/transparency/policy/topics/transport.atom",
        "/transparency/consultations/feed.atom",
    ):
        assert path in html
        assert client.get(path).status_code == 200
    assert "/calendar/all.ics" in html  # the events' feeds stay listed (same heading)
