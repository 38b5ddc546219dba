"""Project trackers past the happy path: budgets an editor may not save, organisations and
tokens edited again, CSV files the upload refuses, a preview gone stale before import, and
API batches that are too long, not rows, or send one project twice through a translation."""

import datetime
import json
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Locale

from civic_wagtail.transparency.models import (
    ApiToken,
    Measurement,
    Milestone,
    Organisation,
    Spending,
)

from .project_helpers import make_organisation, make_project, make_project_index, make_token

pytestmark = pytest.mark.django_db
UPLOAD = "/admin/transparency/projects/upload/"
API = "/transparency/projects/api/measurements/"


@pytest.fixture
def project(home_page):
    return make_project(make_project_index(home_page), make_organisation())


def csv_file(data):
    body = data if isinstance(data, bytes) else data.encode()
    return SimpleUploadedFile("data.csv", body, content_type="text/csv")


# --- the project page and its records ----------------------------------------------------


def test_negative_budget_amounts_are_refused_with_a_message(project):
    project.budget_planned = Decimal("-1")
    project.budget_spent = Decimal("-0.01")
    with pytest.raises(ValidationError) as caught:
        project.full_clean()
    errors = caught.value.message_dict
    assert errors["budget_planned"] == ["A budget amount cannot be negative."]
    assert errors["budget_spent"] == ["A budget amount cannot be negative."]
    assert "budget_committed" not in errors


def test_a_milestone_has_a_delay_only_once_reached(project):
    design, works = project.milestones.order_by("sort_order")
    assert (str(design), design.delay_days) == ("Design", 9)
    assert (str(works), works.delay_days) == ("Works", None)
    early = Milestone(
        title="Early", planned_date=datetime.date(2026, 3, 10),
        actual_date=datetime.date(2026, 3, 1),
    )
    assert early.delay_days == -9


def test_measurements_and_spending_name_themselves_with_their_values(project):
    measurement = Measurement.objects.create(
        project=project, indicator="bus-punctuality", date=datetime.date(2026, 1, 1),
        value=Decimal("88.5"),
    )
    spending = Spending.objects.create(
        project=project, date=datetime.date(2026, 1, 31),
        committed=Decimal("1000.00"), spent=Decimal("250.50"),
    )
    assert str(measurement) == "bus-punctuality 2026-01-01: 88.5"
    assert str(spending) == "2026-01-31: 1000.00 / 250.50"


def test_editing_an_organisation_keeps_its_permission_group(admin_client, project):
    organisation = project.organisation
    group = organisation.group
    response = admin_client.post(
        f"/admin/snippets/civic_wagtail_transparency/organisation/edit/{organisation.pk}/",
        {"name": "Springfield Council", "slug": organisation.slug, "website": ""},
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.name == "Springfield Council"
    assert organisation.group == group
    assert Group.objects.filter(name__startswith="civic_wagtail_transparency").count() == 1
    assert str(Organisation.objects.get()) == "Springfield Council"


# --- tokens --------------------------------------------------------------------------------


def test_renaming_a_token_keeps_it_and_revoking_twice_keeps_the_first_date(
    admin_client, project
):
    token, raw = make_token(project.organisation)
    url = f"/admin/civic_transparency_tokens/edit/{token.pk}/"
    admin_client.post(url, {"name": "finance export"})
    token.refresh_from_db()
    assert token.name == "finance export" and token.revoked_at is None
    assert ApiToken.authenticate(raw) == token
    admin_client.post(url, {"name": "finance export", "revoke": "on"})
    token.refresh_from_db()
    first = token.revoked_at
    assert first is not None and ApiToken.authenticate(raw) is None
    admin_client.post(url, {"name": "finance export", "revoke": "on"})
    token.revoke()
    token.refresh_from_db()
    assert token.revoked_at == first


def test_a_blank_secret_never_authenticates(project):
    make_token(project.organisation)
    assert ApiToken.authenticate("") is None
    assert ApiToken.authenticate(None) is None


# --- CSV upload ----------------------------------------------------------------------------


def test_a_file_over_five_megabytes_is_refused(admin_client, project):
    header = b"project,indicator,date,value\r\n"
    big = header + b"x" * (5 * 1024 * 1024)
    response = admin_client.post(UPLOAD, {"file": csv_file(big)})
    assert response.status_code == 400
    assert "The file is larger than 5 MB: split it." in response.content.decode()


def test_a_file_not_in_utf8_is_refused_with_how_to_save_it(admin_client, project):
    text = f"project,indicator,date,value,source\r\n{project.pk},x,2026-01-01,1,Mairie de Sète\r\n"
    response = admin_client.post(UPLOAD, {"file": csv_file(text.encode("latin-1"))})
    assert response.status_code == 400
    assert "Save the file as UTF-8 text and upload it again." in response.content.decode()
    assert not Measurement.objects.exists()


def test_a_file_that_is_not_valid_csv_is_refused(admin_client, project):
    text = f"project,indicator,date,value\r\n{project.pk},x,2026-01-01,{'9' * 131073}\r\n"
    response = admin_client.post(UPLOAD, {"file": csv_file(text)})
    assert response.status_code == 400
    assert "The file is not valid CSV: field larger than field limit" in (
        response.content.decode()
    )


def test_a_preview_whose_project_was_deleted_imports_nothing(admin_client, project):
    text = f"project,indicator,date,value\r\n{project.pk},bus-punctuality,2026-01-01,88.5\r\n"
    preview = admin_client.post(UPLOAD, {"file": csv_file(text)})
    payload = preview.context["payload"]
    project.delete()
    response = admin_client.post(UPLOAD, {"payload": payload})
    assert response.status_code == 400
    assert response.context["errors"][0].message == "There is no project with this number."
    assert not Measurement.objects.exists()


# --- the ingest API ------------------------------------------------------------------------


@pytest.fixture
def token(project):
    return make_token(project.organisation)[1]


def post(client, body, raw):
    return client.post(
        API, json.dumps(body), content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )


def row(page, **overrides):
    return {"project": page.pk, "indicator": "bus-punctuality", "date": "2026-03-01",
            "value": "91.5", **overrides}


def test_a_project_given_as_true_is_not_project_one(client, project, token):
    response = post(client, {"rows": [row(project, project=True)]}, token)
    assert response.status_code == 400
    (error,) = response.json()["errors"]
    assert error["field"] == "project"
    assert error["message"] == "Give the project's number, e.g. 42."


def test_a_batch_over_the_limit_is_refused_whole(client, project, token, settings):
    settings.CIVIC_WAGTAIL_TRANSPARENCY_INGEST_MAX_ROWS = 2
    rows = [row(project, date=f"2026-03-0{day}") for day in (1, 2, 3)]
    response = post(client, {"rows": rows}, token)
    assert response.status_code == 400
    assert response.json()["errors"] == [
        {"row": 0, "field": "rows", "message": "Send at most 2 rows at a time."}
    ]
    assert not Measurement.objects.exists()


def test_a_row_that_is_not_an_object_gets_its_own_error(client, project, token):
    response = post(client, {"rows": [row(project), [1, 2], "x"]}, token)
    assert response.status_code == 400
    assert response.json()["errors"] == [
        {"row": 2, "field": "", "message": "Each row must be an object of fields."},
        {"row": 3, "field": "", "message": "Each row must be an object of fields."},
    ]
    assert not Measurement.objects.exists()


def test_one_measurement_sent_for_two_translations_of_a_project_is_an_error(
    client, project, token
):
    french = Locale.objects.create(language_code="fr")
    translation = project.copy_for_translation(french, copy_parents=True)
    translation.save_revision().publish()
    response = post(client, {"rows": [row(project), row(translation)]}, token)
    assert response.status_code == 400
    (error,) = response.json()["errors"]
    assert error["row"] == 2
    assert "Row 1 gives the same measurement" in error["message"]
    assert not Measurement.objects.exists()
    assert post(client, {"rows": [row(translation)]}, token).status_code == 200
    assert Measurement.objects.get().project_id == min(project.pk, translation.pk)
