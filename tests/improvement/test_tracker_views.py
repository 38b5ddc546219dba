"""Adoption trackers through HTTP: start one with its indicators, record measurements, turn
it into a case study, delete it; every bad input is answered 400 with what to change."""

import pytest
from django.test import override_settings
from wagtail import hooks

from civic_wagtail import drafts
from civic_wagtail.improvement.models import AdoptionTracker, Measurement, TrackerIndicator
from tests.library.helpers import library_index, practice
from tests.utils import logged_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(owner):
    return logged_in(owner)


@pytest.fixture
def permits(improvement_page, home_page):
    return practice(library_index(home_page), title="Online permit tracker")


@pytest.fixture
def tracker(improvement_page, owner):
    tracker = AdoptionTracker.objects.create(
        user=owner, title="Plain letters", organisation="Lyon council", place="Lyon"
    )
    TrackerIndicator.objects.create(tracker=tracker, name="Calls", baseline=400, target=250)
    return tracker


def start(client, permits, indicators):
    return client.post(
        "/improvement/trackers/new/",
        {
            "practice": str(permits.pk),
            "title": "Permits online",
            "organisation": "Lyon council",
            "place": "Lyon, France",
            "started_on": "2026-01-15",
            "indicators": indicators,
        },
    )


def test_a_member_starts_a_tracker_with_its_indicators(client, owner, permits):
    """Starting a tracker used to fail with a 500: the form gave the practice's id to the
    foreign key."""
    form = client.get(f"/improvement/trackers/new/?practice={permits.pk}").content.decode()
    assert f'<option value="{permits.pk}" selected>Online permit tracker</option>' in form
    response = start(
        client, permits, "Days to issue a permit; days; 40; 20\n\nComplaints; per month; 12,5\n"
    )
    assert response.status_code == 302
    tracker = AdoptionTracker.objects.get(user=owner)
    assert response["Location"] == f"/improvement/trackers/{tracker.pk}/"
    assert tracker.practice_id == permits.pk and tracker.place == "Lyon, France"
    rows = list(tracker.indicators.values_list("name", "unit", "baseline", "target"))
    assert rows == [
        ("Days to issue a permit", "days", 40, 20),
        ("Complaints", "per month", 12.5, None),
    ]
    listing = client.get("/improvement/trackers/").content.decode()
    assert "Permits online" in listing and "Online permit tracker" in listing


@pytest.mark.parametrize(
    ("indicators", "message"),
    [
        ("Days; days", "Line 1: write &quot;indicator; unit; baseline&quot;"),
        ("Days; days; 40\n; days; 3", "Line 2: write &quot;indicator; unit; baseline&quot;"),
        ("Days; days; forty", "Line 1: the baseline and target must be numbers."),
        ("Days; days; 40; soon", "Line 1: the baseline and target must be numbers."),
        ("Days; days; 1e12", "Line 1: the numbers are too large."),
        ("Days; days; Infinity", "Line 1: the numbers are too large."),
        ("Days; days; 40; NaN", "Line 1: the numbers are too large."),
        ("Days; days; 40; -2e11", "Line 1: the numbers are too large."),
    ],
)
def test_indicator_lines_that_cannot_be_read_are_refused(
    client, owner, permits, indicators, message
):
    response = start(client, permits, indicators)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not AdoptionTracker.objects.exists()


def test_a_practice_outside_the_list_is_refused(client, permits):
    response = client.post(
        "/improvement/trackers/new/",
        {
            "practice": "999999",
            "title": "T",
            "organisation": "O",
            "place": "P",
            "started_on": "2026-01-15",
            "indicators": "Days; days; 40",
        },
    )
    assert response.status_code == 400
    assert "Choose a practice from the list." in response.content.decode()


@override_settings(CIVIC_WAGTAIL_IMPROVEMENT_RECOMMENDATION_MODELS={"practice": "nowhere.Page"})
def test_without_a_practice_model_no_practice_is_offered(client, permits):
    form = client.get("/improvement/trackers/new/").content.decode()
    assert "Online permit tracker" not in form
    response = start(client, permits, "Days; days; 40")
    assert response.status_code == 400
    assert "Choose a practice from the list." in response.content.decode()


def test_starting_trackers_is_rate_limited(client, settings, owner, permits):
    settings.CIVIC_WAGTAIL_RATE_LIMITS = {"improvement": {"member": (1, 3600)}}
    assert start(client, permits, "Days; days; 40").status_code == 302
    response = start(client, permits, "Days; days; 40")
    assert response.status_code == 429
    assert AdoptionTracker.objects.filter(user=owner).count() == 1


def test_a_measurement_for_another_indicator_is_refused(client, tracker, owner):
    elsewhere = AdoptionTracker.objects.create(
        user=owner, title="Other", organisation="O", place="P"
    )
    foreign = TrackerIndicator.objects.create(tracker=elsewhere, name="Visits", baseline=1)
    response = client.post(
        f"/improvement/trackers/{tracker.pk}/measure/",
        {"indicator": str(foreign.pk), "date": "2026-03-01", "value": "300"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Select a valid choice" in body and "Record a measurement" in body
    assert not Measurement.objects.exists()


def test_a_submitted_tracker_takes_no_more_measurements(client, tracker):
    tracker.status = AdoptionTracker.Status.SUBMITTED
    tracker.save()
    indicator = tracker.indicators.get()
    response = client.post(
        f"/improvement/trackers/{tracker.pk}/measure/",
        {"indicator": str(indicator.pk), "date": "2026-03-01", "value": "300"},
    )
    assert response.status_code == 400
    assert "This tracker has become a case study: it is closed." in response.content.decode()
    assert not Measurement.objects.exists()


def test_a_story_too_long_is_refused(client, tracker):
    Measurement.objects.create(indicator=tracker.indicators.get(), value=300)
    response = client.post(
        f"/improvement/trackers/{tracker.pk}/case-study/",
        {"what_was_done": "x" * 4001, "lessons": ""},
    )
    assert response.status_code == 400
    assert "Check the story fields: they are too long." in response.content.decode()
    tracker.refresh_from_db()
    assert tracker.status == "measuring" and tracker.what_was_done == ""


def test_case_study_submissions_are_rate_limited(client, settings, tracker):
    settings.CIVIC_WAGTAIL_RATE_LIMITS = {"library_submission": {"member": (1, 3600)}}
    first = client.post(f"/improvement/trackers/{tracker.pk}/case-study/", {})
    assert first.status_code == 400  # no measurement yet, but the attempt counts
    response = client.post(f"/improvement/trackers/{tracker.pk}/case-study/", {})
    assert response.status_code == 429
    assert "many case studies" in response.content.decode()


def test_a_draft_the_library_refuses_leaves_the_tracker_open(client, tracker):
    Measurement.objects.create(indicator=tracker.indicators.get(), value=300)

    def refuse(draft, *, user, site=None, locale=None):
        raise ValueError("Case studies need an adopted practice here.")

    with hooks.register_temporarily(drafts.HOOK, refuse):
        response = client.post(
            f"/improvement/trackers/{tracker.pk}/case-study/", {"what_was_done": "W"}
        )
    assert response.status_code == 400
    assert "Case studies need an adopted practice here." in response.content.decode()
    tracker.refresh_from_db()
    assert tracker.status == "measuring"


def test_the_owner_deletes_a_tracker_with_its_measurements(client, tracker):
    Measurement.objects.create(indicator=tracker.indicators.get(), value=300)
    response = client.post(f"/improvement/trackers/{tracker.pk}/delete/")
    assert response.status_code == 302
    assert response["Location"] == "/improvement/trackers/"
    assert not AdoptionTracker.objects.exists()
    assert not TrackerIndicator.objects.exists() and not Measurement.objects.exists()
    assert "No adoption tracker." in client.get("/improvement/trackers/").content.decode()
