"""Spending through the ingest API: history per (project, date), totals on the project."""

import json
from decimal import Decimal

import pytest

from civic_wagtail.transparency.models import ProjectPage, Spending

from .project_helpers import make_organisation, make_project, make_project_index, make_token

URL = "/transparency/projects/api/spending/"
pytestmark = pytest.mark.django_db


@pytest.fixture
def world(home_page):
    index = make_project_index(home_page)
    ours = make_organisation()
    theirs = make_organisation("Shelbyville", "shelbyville")
    project = make_project(index, ours)
    other = make_project(index, theirs, title="Their park")
    token, raw = make_token(ours)
    return {"project": project, "other": other, "token": token, "raw": raw}


def post(client, body, raw=None):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"} if raw else {}
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return client.post(URL, data, content_type="application/json", **headers)


def row(page, **overrides):
    return {
        "project": page.pk,
        "date": "2026-03-31",
        "committed": "310000",
        "spent": "150000.50",
        "note": "Q1 accounts",
        **overrides,
    }


def totals(page):
    return tuple(
        ProjectPage.objects.filter(pk=page.pk).values_list("budget_committed", "budget_spent")[0]
    )


def test_spending_keeps_history_sets_totals_and_is_idempotent(client, world):
    project = world["project"]
    rows = [row(project), row(project, date="2026-06-30", committed="400000", spent=200000)]
    first = post(client, {"spending": rows}, world["raw"])
    assert first.status_code == 200, first.content
    assert first.json() == {"written": 2}
    assert totals(project) == (Decimal("400000"), Decimal("200000"))
    assert post(client, {"spending": rows}, world["raw"]).status_code == 200
    assert Spending.objects.count() == 2
    # An older date updates the history, not the totals (the newest record sets them).
    post(client, {"spending": [row(project, spent="160000")]}, world["raw"])
    assert Spending.objects.get(date="2026-03-31").spent == Decimal("160000")
    assert totals(project) == (Decimal("400000"), Decimal("200000"))
    # An editor publishing an older revision does not bring back stale totals.
    project.refresh_from_db()
    project.save_revision().publish()
    assert totals(project) == (Decimal("400000"), Decimal("200000"))
    lines = client.get("/transparency/projects/data/spending.csv").content.decode().splitlines()
    assert lines[0] == "project,date,committed,spent,note"
    assert len(lines) == 3


def test_no_or_revoked_token_is_401_and_nothing_written(client, world):
    assert post(client, {"spending": [row(world["project"])]}).status_code == 401
    world["token"].revoke()
    assert post(client, {"spending": [row(world["project"])]}, world["raw"]).status_code == 401
    assert not Spending.objects.exists()
    assert totals(world["project"]) == (Decimal("300000"), Decimal("120000"))


def test_another_organisations_project_is_403_and_nothing_written(client, world):
    rows = [row(world["project"]), row(world["other"])]
    response = post(client, {"spending": rows}, world["raw"])
    assert response.status_code == 403
    assert response.json()["errors"][0]["row"] == 2
    assert not Spending.objects.exists()
    assert totals(world["project"]) == (Decimal("300000"), Decimal("120000"))


@pytest.mark.parametrize(
    ("bad", "field"),
    [
        ({"date": "2026-02-30"}, "date"),
        ({"committed": "a lot"}, "committed"),
        ({"spent": "-5"}, "spent"),
        ({"spent": "1e20"}, "spent"),
        ({"committed": True}, "committed"),
        ({"note": "n" * 301}, "note"),
        ({"note": "x\x00y"}, "note"),
        ({"project": 987654}, "project"),
        ({"value": 3}, "value"),
        ({"committed": None}, "committed"),
    ],
)
def test_a_malformed_row_gets_its_error_and_nothing_is_written(client, world, bad, field):
    rows = [row(world["project"], date="2026-01-31"), row(world["project"], **bad)]
    response = post(client, {"spending": rows}, world["raw"])
    assert response.status_code == 400
    error = response.json()["errors"][0]
    assert (error["row"], error["field"]) == (2, field)
    assert error["message"]
    assert not Spending.objects.exists()


def test_the_same_date_twice_is_an_error(client, world):
    response = post(client, {"spending": [row(world["project"])] * 2}, world["raw"])
    assert response.status_code == 400
    assert "row 1" in response.json()["errors"][0]["message"]


@pytest.mark.parametrize("body", ["nope", '{"rows": []}', '{"spending": []}', '{"spending": 1}'])
def test_a_malformed_body_is_a_400(client, world, body):
    response = post(client, body, world["raw"])
    assert response.status_code == 400
    assert response.json()["detail"]


def test_spending_shares_the_ingest_rate_limit(client, world, settings):
    settings.CIVIC_WAGTAIL_RATE_LIMITS = {"transparency_ingest": {"anonymous": (1, 60)}}
    assert post(client, {"spending": [row(world["project"])]}, world["raw"]).status_code == 200
    refused = post(client, {"spending": [row(world["project"], spent="1")]}, world["raw"])
    assert refused.status_code == 429
    assert refused["Retry-After"]
    assert Spending.objects.get().spent == Decimal("150000.50")


def test_demo_spending_grows_to_the_projects_own_totals(world):
    import datetime

    from civic_wagtail.transparency.projects.demo import quarterly_spending

    project = world["project"]
    records = quarterly_spending(project, datetime.date(2026, 1, 1))
    Spending.objects.bulk_create(records)
    assert [r.spent for r in records] == sorted(r.spent for r in records)
    newest = Spending.objects.order_by("-date").first()
    assert (newest.committed, newest.spent) == totals(project)
