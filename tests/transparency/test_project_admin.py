"""Admin screens of the project trackers: tokens shown once and revocable, CSV upload with
a preview and the API's checks."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from civic_wagtail.transparency.models import ApiToken, Measurement

from .project_helpers import make_organisation, make_project, make_project_index

pytestmark = pytest.mark.django_db
UPLOAD = "/admin/transparency/projects/upload/"


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("boss", "boss@city.example.gov", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def project(home_page):
    return make_project(make_project_index(home_page), make_organisation())


def csv_file(text):
    return SimpleUploadedFile("data.csv", text.encode(), content_type="text/csv")


def test_a_new_token_is_shown_once_stored_hashed_and_revocable(admin_client, project):
    organisation = project.organisation
    response = admin_client.post(
        "/admin/civic_transparency_tokens/new/",
        {"organisation": organisation.pk, "name": "budget system"},
        follow=True,
    )
    raw = re.search(r"cwt_[-\w]+", response.content.decode()).group(0)
    token = ApiToken.objects.get()
    assert token.key_hash != raw and raw not in token.key_hash
    assert ApiToken.authenticate(raw) == token
    assert raw not in admin_client.get("/admin/civic_transparency_tokens/").content.decode()
    admin_client.post(
        f"/admin/civic_transparency_tokens/edit/{token.pk}/",
        {"name": "budget system", "revoke": "on"},
    )
    assert ApiToken.authenticate(raw) is None


def test_csv_upload_previews_then_imports(admin_client, project):
    text = (
        "project,indicator,date,value,unit,source\r\n"
        f"{project.pk},bus-punctuality,2026-01-01,88.5,%,Operator\r\n"
        f"{project.pk},bus-punctuality,2026-02-01,89,%,Operator\r\n"
    )
    preview = admin_client.post(UPLOAD, {"file": csv_file(text)})
    assert preview.status_code == 200
    html = preview.content.decode()
    assert "Preview: 2 rows ready to import" in html
    assert not Measurement.objects.exists()
    payload = preview.context["payload"]
    done = admin_client.post(UPLOAD, {"payload": payload}, follow=True)
    assert "2 measurements imported." in done.content.decode()
    assert Measurement.objects.count() == 2
    admin_client.post(UPLOAD, {"payload": payload})
    assert Measurement.objects.count() == 2  # importing twice changes nothing


def test_csv_upload_lists_every_bad_row_and_imports_nothing(admin_client, project):
    text = (
        "project,indicator,date,value\r\n"
        f"{project.pk},bus-punctuality,2026-01-01,88.5\r\n"
        f"{project.pk},bus-punctuality,01/02/2026,89\r\n"
        "999999,bus-punctuality,2026-03-01,abc\r\n"
    )
    response = admin_client.post(UPLOAD, {"file": csv_file(text)})
    assert response.status_code == 400
    errors = [(e.row, e.field) for e in response.context["errors"]]
    assert errors == [(2, "date"), (3, "value")]
    assert "payload" not in response.context
    assert not Measurement.objects.exists()


def test_csv_upload_refuses_a_file_without_the_columns_or_a_tampered_preview(
    admin_client, project
):
    response = admin_client.post(UPLOAD, {"file": csv_file("a,b\r\n1,2\r\n")})
    assert response.status_code == 400
    assert "must name the columns" in response.content.decode()
    response = admin_client.post(UPLOAD, {"payload": "forged"}, follow=True)
    assert "expired" in response.content.decode()
    assert not Measurement.objects.exists()


def test_an_editor_without_rights_on_the_project_cannot_import_it(client, project):
    from tests.factories import member

    user = member(username="m_reader")
    user.is_staff = False
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    text = f"project,indicator,date,value\r\n{project.pk},x,2026-01-01,1\r\n"
    response = client.post(UPLOAD, {"file": csv_file(text)})
    assert response.status_code == 400
    assert response.context["errors"][0].message == "You may not write to this project's data."
