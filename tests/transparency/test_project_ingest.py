"""The ingest API: tokens, guardian permissions, per-row errors, all-or-nothing, idempotence."""

import datetime
import json
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from civic_wagtail.transparency.models import Measurement

from .project_helpers import make_organisation, make_project, make_project_index, make_token

URL = "/transparency/projects/api/measurements/"
pytestmark = pytest.mark.django_db


@pytest.fixture
def world(home_page):
    index = make_project_index(home_page)
    ours = make_organisation()
    theirs = make_organisation("Shelbyville", "shelbyville")
    project = make_project(index, ours)
    other = make_project(index, theirs, title="Their park")
    token, raw = make_token(ours)
    return {"project": project, "other": other, "token": token, "raw": raw, "index": index}


def post(client, body, raw=None, **extra):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"} if raw else {}
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return client.post(URL, data, content_type="application/json", **headers, **extra)


def row(page, **overrides):
    return {
        "project": page.pk,
        "indicator": "bus-punctuality",
        "date": "2026-03-01",
        "value": "91.5",
        "unit": "%",
        "source": "Transit operator",
        **overrides,
    }


def test_a_good_batch_is_written_and_sending_it_again_changes_nothing(client, world):
    rows = [row(world["project"]), row(world["project"], date="2026-04-01", value=93)]
    first = post(client, {"rows": rows}, world["raw"])
    assert first.status_code == 200, first.content
    assert first.json() == {"written": 2}
    again = post(client, {"rows": rows}, world["raw"])
    assert again.status_code == 200
    assert Measurement.objects.count() == 2
    changed = post(client, {"rows": [row(world["project"], value="95")]}, world["raw"])
    assert changed.status_code == 200
    assert Measurement.objects.get(date="2026-03-01").value == Decimal("95")
    assert Measurement.objects.count() == 2


def test_no_token_is_refused_with_401(client, world):
    response = post(client, {"rows": [row(world["project"])]})
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert "token" in response.json()["detail"]
    assert not Measurement.objects.exists()


def test_a_wrong_or_revoked_token_is_refused_with_401(client, world):
    assert post(client, {"rows": [row(world["project"])]}, "cwt_nope").status_code == 401
    world["token"].revoke()
    response = post(client, {"rows": [row(world["project"])]}, world["raw"])
    assert response.status_code == 401
    assert "unrevoked" in response.json()["detail"]
    assert not Measurement.objects.exists()


def test_another_organisations_project_is_refused_with_403_and_nothing_written(client, world):
    rows = [row(world["project"]), row(world["other"])]
    response = post(client, {"rows": rows}, world["raw"])
    assert response.status_code == 403
    assert response.json()["errors"] == [
        {"row": 2, "field": "project", "message": "You may not write to this project's data."}
    ]
    assert not Measurement.objects.exists()


def test_moving_a_project_to_another_organisation_moves_the_permission(client, world):
    other = world["other"]
    other.organisation = world["token"].organisation
    other.save_revision().publish()
    assert post(client, {"rows": [row(other)]}, world["raw"]).status_code == 200


@pytest.mark.parametrize(
    ("bad", "field"),
    [
        ({"date": "31/03/2026"}, "date"),
        ({"date": "2026-02-30"}, "date"),
        ({"value": "twelve"}, "value"),
        ({"value": "NaN"}, "value"),
        ({"value": "1e30"}, "value"),
        ({"value": True}, "value"),
        ({"indicator": "bus punctuality!"}, "indicator"),
        ({"indicator": "x\x00y"}, "indicator"),
        ({"project": "abc"}, "project"),
        ({"project": 99999999999999999999}, "project"),
        ({"project": 987654}, "project"),
        ({"unit": "u" * 61}, "unit"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_a_malformed_row_gets_its_own_error_and_nothing_is_written(client, world, bad, field):
    rows = [row(world["project"], date="2026-01-01"), row(world["project"], **bad)]
    response = post(client, {"rows": rows}, world["raw"])
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors[0]["row"] == 2
    assert errors[0]["field"] == field
    assert errors[0]["message"]
    assert not Measurement.objects.exists()


def test_the_same_measurement_twice_in_a_batch_is_an_error(client, world):
    response = post(client, {"rows": [row(world["project"])] * 2}, world["raw"])
    assert response.status_code == 400
    assert "row 1" in response.json()["errors"][0]["message"]


@pytest.mark.parametrize(
    "body", ["not json", "[]", '{"rows": "x"}', '{"rows": []}', '{"data": []}', b"\xff\xfe"]
)
def test_a_malformed_body_is_a_400(client, world, body):
    response = post(client, body, world["raw"])
    assert response.status_code == 400
    assert response.json()["detail"]


def test_get_is_not_allowed(client, world):
    assert client.get(URL).status_code == 405


row_values = st.fixed_dictionaries(
    {},
    optional={
        "project": st.one_of(st.integers(), st.text(max_size=12), st.none(), st.booleans()),
        "indicator": st.one_of(st.text(max_size=130), st.integers(), st.none()),
        "date": st.one_of(st.dates().map(str), st.text(max_size=12), st.integers()),
        "value": st.one_of(
            st.decimals(allow_nan=True, allow_infinity=True).map(str),
            st.floats(allow_nan=False, allow_infinity=False),
            st.text(max_size=10),
            st.integers(),
        ),
        "unit": st.one_of(st.text(max_size=70), st.integers()),
        "source": st.text(max_size=20),
        "extra": st.text(max_size=5),
    },
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(row_values, min_size=1, max_size=5))
def test_random_rows_get_a_clear_answer_and_never_a_half_written_batch(client, world, rows):
    before = Measurement.objects.count()
    response = post(client, {"rows": rows}, world["raw"])
    assert response.status_code in (200, 400, 403)
    if response.status_code == 200:
        assert Measurement.objects.count() <= before + len(rows)
    else:
        assert response.json()["errors"]
        assert Measurement.objects.count() == before


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    values=st.lists(
        # SQLite keeps 15 significant digits (REAL affinity); PostgreSQL keeps all 20.
        st.decimals(min_value=-(10**9), max_value=10**9, places=4, allow_nan=False),
        min_size=1,
        max_size=12,
    )
)
def test_random_valid_values_are_stored_exactly(client, world, values):
    rows = [
        row(world["project"], date=f"2025-{i + 1:02d}-01", value=str(v))
        for i, v in enumerate(values)
    ]
    response = post(client, {"rows": rows}, world["raw"])
    assert response.status_code == 200, response.content
    stored = dict(Measurement.objects.filter(date__year=2025).values_list("date", "value"))
    for i, value in enumerate(values):
        assert stored[datetime.date(2025, i + 1, 1)] == value


def test_the_api_is_rate_limited_through_the_core_service(client, world, settings):
    from django.core.cache import cache

    cache.clear()
    settings.CIVIC_WAGTAIL_RATE_LIMITS = {"transparency_ingest": {"anonymous": (2, 60)}}
    for _ in range(2):
        assert post(client, {"rows": [row(world["project"])]}, world["raw"]).status_code == 200
    refused = post(client, {"rows": [row(world["project"], value="1")]}, world["raw"])
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert "detail" in refused.json()
    assert Measurement.objects.get().value == Decimal("91.5")
