"""Open data: the API v2 endpoints and the CSV export of outcomes."""

import csv
import io

import pytest

from tests.factories import TopicFactory
from tests.library.helpers import IndicatorFactory, case_study, library_index, practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(home_page):
    library = library_index(home_page)
    permits = TopicFactory(slug="permits", name="Permits")
    days = IndicatorFactory(slug="permit-days", name="Permit processing time", unit="days")
    share = IndicatorFactory(slug="online-share", name="Online share", unit="%",
                             direction="higher")
    tracker = practice(library, "Tracker", topics=[permits], outcomes=[(days, 30, 20)],
                       evidence_strength="evaluated")
    lyon = case_study(library, [tracker], [(days, 100, 50), (share, None, 40)], topics=[permits],
                      title="Tracker in Lyon", place="Lyon, France")
    other = practice(library, "Compost", outcomes=[(share, 10, 15)])
    return {"library": library, "tracker": tracker, "lyon": lyon, "other": other}


def test_case_study_api_returns_outcomes(client, data):
    response = client.get("/hub/api/v2/case-studies/")
    assert response.status_code == 200
    (item,) = response.json()["items"]
    assert item["title"] == "Tracker in Lyon"
    outcomes = item["outcomes"]
    assert [o["indicator"] for o in outcomes] == ["permit-days", "online-share"]
    assert outcomes[0]["baseline"] == "100.0000"
    assert outcomes[0]["relative_change"] == -0.5
    assert outcomes[1]["comparable"] is False
    assert outcomes[1]["relative_change"] is None


def test_practice_api_detail_and_filters(client, data):
    listing = client.get("/hub/api/v2/practices/", {"topic": "permits"}).json()
    assert [item["title"] for item in listing["items"]] == ["Tracker"]
    assert client.get("/hub/api/v2/practices/", {"topic": "nope"}).json()["items"] == []
    evaluated = client.get("/hub/api/v2/practices/", {"evidence_strength": "evaluated"}).json()
    assert [item["title"] for item in evaluated["items"]] == ["Tracker"]
    detail = client.get(f"/hub/api/v2/practices/{data['tracker'].pk}/").json()
    assert detail["outcomes"][0]["indicator_name"] == "Permit processing time"
    assert detail["topics"] == [{"slug": "permits", "name": "Permits"}]
    assert detail["meta"]["type"] == "civic_wagtail_library.BestPracticePage"


def test_api_hides_drafts(client, data):
    data["lyon"].unpublish()
    assert client.get("/hub/api/v2/case-studies/").json()["meta"]["total_count"] == 0
    assert client.get(f"/hub/api/v2/case-studies/{data['lyon'].pk}/").status_code == 404


def test_api_listing_queries_do_not_grow(client, data, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get("/hub/api/v2/case-studies/")
    for _ in range(15):
        case_study(data["library"], [data["tracker"]], [(data["lyon"].outcomes.first()
                                                          .indicator, 1, 2)])
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert len(client.get("/hub/api/v2/case-studies/").json()["items"]) == 16


def read_csv(response):
    body = b"".join(response.streaming_content)
    assert body.startswith("\ufeff".encode())
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))


def test_csv_export_has_a_header_and_one_row_per_outcome(client, data):
    response = client.get(data["library"].url + "export/csv/")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="outcomes.csv"' in response["Content-Disposition"]
    rows = read_csv(response)
    assert len(rows) == 4  # tracker 1, compost 1, Lyon 2
    lyon = [row for row in rows if row["title"] == "Tracker in Lyon"]
    assert [row["indicator"] for row in lyon] == ["permit-days", "online-share"]
    assert lyon[0]["relative_change_percent"] == "-50.0"
    assert lyon[0]["baseline"] == "100" and lyon[0]["place"] == "Lyon, France"
    assert lyon[1]["comparable"] == "no" and lyon[1]["baseline"] == ""
    assert lyon[0]["url"] == "http://localhost" + data["lyon"].url


def test_csv_export_applies_the_index_filters(client, data):
    rows = read_csv(client.get(data["library"].url + "export/csv/",
                               {"topic": "permits", "type": "case-study"}))
    assert {row["title"] for row in rows} == {"Tracker in Lyon"}


def test_csv_export_rejects_invalid_filters(client, data):
    response = client.get(data["library"].url + "export/csv/", {"topic": "nope"})
    assert response.status_code == 400
    assert "topic" in response.content.decode()


def test_csv_keeps_non_ascii_text(client, data):
    data["lyon"].place = "Besançon, France"
    data["lyon"].save_revision().publish()
    rows = read_csv(client.get(data["library"].url + "export/csv/", {"type": "case-study"}))
    assert rows[0]["place"] == "Besançon, France"


def review(page, when=None):
    """A public review record for ``page``, as the review app leaves when a review completes."""
    from datetime import date

    from django.utils import timezone

    from civic_wagtail.review.models import ReviewRecord

    return ReviewRecord.objects.create(
        page=page, reviewed_at=when or timezone.now(), review_due=date(2031, 1, 1),
        reviewer_count=2,
    )


def test_api_gives_the_peer_review_date(client, data):
    record = review(data["tracker"])
    items = {item["title"]: item for item in client.get("/hub/api/v2/practices/").json()["items"]}
    assert items["Tracker"]["peer_reviewed_at"][:19] == record.reviewed_at.isoformat()[:19]
    assert items["Compost"]["peer_reviewed_at"] is None
    detail = client.get(f"/hub/api/v2/practices/{data['tracker'].pk}/").json()
    assert detail["peer_reviewed_at"][:10] == record.reviewed_at.date().isoformat()
    cases = client.get("/hub/api/v2/case-studies/").json()["items"]
    assert cases[0]["peer_reviewed_at"] is None


def test_csv_export_applies_the_search_query(client, data, index_updates):
    for page in (data["tracker"], data["lyon"], data["other"]):
        page.save_revision().publish()  # indexed
    rows = read_csv(client.get(data["library"].url + "export/csv/", {"q": "compost"}))
    assert {row["title"] for row in rows} == {"Compost"}
    rows = read_csv(client.get(data["library"].url + "export/csv/",
                               {"q": "tracker", "type": "case-study"}))
    assert {row["title"] for row in rows} == {"Tracker in Lyon"}
    assert read_csv(client.get(data["library"].url + "export/csv/", {"q": '"'})) == []


def test_open_data_page_lists_api_csv_and_feeds_with_absolute_urls(client, data):
    from wagtail.models import Site

    Site.objects.filter(is_default_site=True).update(hostname="data.example.gov", port=443)
    response = client.get("/open-data/", HTTP_HOST="data.example.gov")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="https://data.example.gov/hub/api/v2/practices/"' in html
    assert 'href="https://data.example.gov/hub/api/v2/case-studies/"' in html
    assert "https://data.example.gov/library/export/csv/?q=permit&amp;reviewed=on" in html
    assert 'href="https://data.example.gov/calendar/all.ics"' in html
    assert "webcal://data.example.gov/calendar/all.ics" in html
    # Every example answers.
    for path in ("/hub/api/v2/practices/?fields=summary%2Cpeer_reviewed_at",
                 "/library/export/csv/?q=permit&reviewed=on"):
        assert client.get(path, HTTP_HOST="data.example.gov").status_code == 200
