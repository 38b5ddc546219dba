"""The production stack: static files, the health endpoint, structured logs with a request id."""

import json
import logging
import os
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.db import connection
from django.templatetags.static import static
from django.test import override_settings

from civic_wagtail import health
from civic_wagtail.request_log import JsonFormatter, RequestIdFilter

PRODUCTION_ENV = {
    "SECRET_KEY": "tests-only-production-secret-key-0123456789abcdefghijklmnopq",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/unused",
    "ALLOWED_HOSTS": "testserver",
    "REDIS_URL": "redis://127.0.0.1:6379/8",
}


@pytest.fixture(scope="module")
def production():
    """The production settings that matter here, read in a child process.

    Importing the module here would change the test settings' shared dicts (its CSP edits).
    """
    code = (
        "import json; from civic_demo.settings import production as p; "
        "print(json.dumps({'MIDDLEWARE': p.MIDDLEWARE, 'STORAGES': p.STORAGES, "
        "'TASKS': p.TASKS, 'INSTALLED_APPS': p.INSTALLED_APPS, 'LOGGING': p.LOGGING}))"
    )
    result = subprocess.run(  # noqa: S603 (our own interpreter, our own code)
        [sys.executable, "-c", code],
        env={**os.environ, **PRODUCTION_ENV, "PYTHONPATH": ".:example_site"},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_production_runs_tasks_on_rq_and_logs_json(production):
    assert production["TASKS"]["default"]["BACKEND"] == "django_tasks_rq.RQBackend"
    assert "django_rq" in production["INSTALLED_APPS"]
    handler = production["LOGGING"]["handlers"]["console"]
    assert handler["formatter"] == "json" and handler["filters"] == ["request_id"]


@pytest.mark.django_db
def test_static_files_answer_200_with_far_future_cache_headers(production, client, tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    (source / "site.css").write_text(".cw { color: #123456; }\n" * 200)
    with override_settings(
        MIDDLEWARE=production["MIDDLEWARE"],
        STORAGES=production["STORAGES"],
        STATIC_ROOT=str(tmp_path / "collected"),
        STATICFILES_DIRS=[str(source)],
        STATICFILES_FINDERS=["django.contrib.staticfiles.finders.FileSystemFinder"],
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
        url = static("site.css")
        assert url != "/static/site.css", "the name carries the content's hash"
        response = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
        assert response.status_code == 200
        assert response["Content-Encoding"] == "gzip"
        cache_control = response["Cache-Control"]
        assert "immutable" in cache_control
        max_age = int(cache_control.split("max-age=")[1].split(",")[0])
        assert max_age >= 365 * 24 * 3600
        assert client.get("/static/missing-0123456789ab.css").status_code == 404


@pytest.mark.django_db
def test_health_reports_each_dependency(client):
    response = client.get("/healthz/")
    assert response.status_code == 200
    report = response.json()
    assert report["status"] == "ok"
    assert report["database"] == {"state": "ok"} and report["cache"] == {"state": "ok"}
    assert report["tasks"]["backlog"] == 0
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


@pytest.mark.django_db
def test_health_answers_503_when_a_dependency_is_down(client, monkeypatch):
    def broken():
        raise ConnectionError("Redis went away")

    monkeypatch.setitem(health.CHECKS, "cache", broken)
    response = client.get("/healthz/")
    assert response.status_code == 503
    assert response.json()["cache"] == {"state": "down"}
    assert response.json()["database"] == {"state": "ok"}
    assert connection.is_usable()


@pytest.mark.django_db
def test_each_response_carries_a_request_id_that_the_logs_repeat(production, client, tmp_path):
    with override_settings(MIDDLEWARE=production["MIDDLEWARE"], STATIC_ROOT=str(tmp_path)):
        given = client.get("/healthz/", HTTP_X_REQUEST_ID="lb-1234")
        made = client.get("/healthz/", HTTP_X_REQUEST_ID="<script>")
    assert given["X-Request-ID"] == "lb-1234"
    assert made["X-Request-ID"] != "<script>" and len(made["X-Request-ID"]) == 32

    record = logging.LogRecord("civic", logging.WARNING, __file__, 1, "It's %s", ("late",), None)
    RequestIdFilter().filter(record)
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "It's late" and line["level"] == "WARNING"
    assert line["request_id"] == "-"  # outside a request
