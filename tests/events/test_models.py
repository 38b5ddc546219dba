"""Event validation, spans, and the admin form's recurrence fields."""

from datetime import UTC, date, datetime, time

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from civic_wagtail.events.checks import check_events_settings
from civic_wagtail.events.models import EventPage, OccurrenceChange
from tests.events.helpers import EVENT_DEFAULTS, make_event, make_index

pytestmark = pytest.mark.django_db


def errors_of(**fields):
    page = EventPage(title="T", slug="t", **{**EVENT_DEFAULTS, **fields})
    with pytest.raises(ValidationError) as caught:
        page.clean()
    return caught.value.message_dict


def test_end_must_be_after_start():
    assert "end_time" in errors_of(end_time=time(9, 0))
    assert "end_date" in errors_of(all_day=True, end_date=date(2030, 3, 1))


def test_time_zone_must_be_real():
    assert "Europe/Paris" in errors_of(time_zone="Mars/Olympus")["time_zone"][0]


def test_online_event_needs_a_link():
    message = errors_of(event_format="online")["join_url"][0]
    assert "join link or a registration link" in message
    EventPage(
        title="T",
        slug="t",
        **{**EVENT_DEFAULTS, "event_format": "online", "registration_url": "https://x.example"},
    ).clean()


def test_series_end_by_date_or_count_not_both():
    errors = errors_of(repeat="weekly", repeat_until=date(2030, 5, 1), repeat_count=3)
    assert "repeat_count" in errors


def test_moved_date_needs_its_new_times():
    change = OccurrenceChange(original_date=date(2030, 3, 12), action="move")
    with pytest.raises(ValidationError) as caught:
        change.clean()
    assert set(caught.value.message_dict) == {"new_date", "new_start_time", "new_end_time"}


def test_span_is_stored_in_utc(home_page):
    index = make_index(home_page)
    single = make_event(index)
    assert single.first_start_utc == datetime(2030, 3, 5, 9, 0, tzinfo=UTC)
    assert single.last_end_utc == datetime(2030, 3, 5, 10, 30, tzinfo=UTC)
    series = make_event(index, slug="series", repeat="weekly", repeat_count=3)
    assert series.last_end_utc == datetime(2030, 3, 19, 10, 30, tzinfo=UTC)
    forever = make_event(index, slug="forever", repeat="weekly")
    assert forever.last_end_utc is None


def test_admin_form_fields_for_days_and_positions():
    from civic_wagtail.events.models.pages import EventPageForm

    fields = EventPageForm.base_fields
    assert fields["repeat_weekdays"].clean(["MO", "TH"]) == ["MO", "TH"]
    assert fields["repeat_positions"].clean(["1", "-1"]) == [1, -1]
    with pytest.raises(ValidationError):
        fields["repeat_weekdays"].clean(["XX"])
    with pytest.raises(ValidationError):
        fields["time_zone"].clean("Mars/Olympus")
    assert fields["time_zone"].clean("Asia/Tokyo") == "Asia/Tokyo"


def test_checks_report_bad_settings():
    with override_settings(
        CIVIC_WAGTAIL_EVENTS_REFRESH_SECONDS=0, CIVIC_WAGTAIL_EVENTS_TIME_ZONES=["Nowhere/Land"]
    ):
        ids = {error.id for error in check_events_settings()}
    assert ids == {"civic_wagtail_events.E002", "civic_wagtail_events.E003"}
    assert check_events_settings() == []


def test_a_first_date_the_pattern_does_not_produce_is_refused_with_the_nearest_dates():
    # Monday 9 November 2026 is the second Monday; "first and third Monday" cannot start there.
    fields = {"start_date": date(2026, 11, 9), "end_date": date(2026, 11, 9),
              "repeat": "monthly", "repeat_weekdays": ["MO"], "repeat_positions": [1, 3]}
    message = errors_of(**fields)["start_date"][0]
    assert "Monday 2 November 2026" in message and "Monday 16 November 2026" in message
    ok = EventPage(title="T", slug="t", **{**EVENT_DEFAULTS, **fields,
                                             "start_date": date(2026, 11, 16),
                                             "end_date": date(2026, 11, 16)})
    ok.clean()


def test_the_admin_form_refuses_a_series_out_of_step(home_page, admin_client):
    index = make_index(home_page)
    response = admin_client.post(
        f"/admin/pages/add/civic_wagtail_events/eventpage/{index.pk}/",
        {"title": "Call", "slug": "call", "event_type": "webinar", "event_format": "in_person",
         "status": "CONFIRMED", "start_date": "2026-11-09", "start_time": "15:00",
         "end_date": "2026-11-09", "end_time": "16:00", "time_zone": "Europe/London",
         "repeat": "weekly", "repeat_interval": "2", "repeat_weekdays": ["TU"],
         "occurrence_changes-TOTAL_FORMS": "0", "occurrence_changes-INITIAL_FORMS": "0",
         "occurrence_changes-MIN_NUM_FORMS": "0", "occurrence_changes-MAX_NUM_FORMS": "1000"},
    )
    assert response.status_code == 200
    assert not EventPage.objects.filter(slug="call").exists()
    assert "Tuesday 10 November 2026" in response.content.decode()


def test_check_finds_series_out_of_step(home_page):
    from civic_wagtail.events.checks import check_series_in_step

    index = make_index(home_page)
    make_event(index, slug="fine", repeat="weekly", repeat_weekdays=["TU"])  # 5 March 2030: Tue
    assert check_series_in_step() == []
    EventPage.objects.filter(slug="fine").update(repeat_weekdays=["MO"])
    (warning,) = check_series_in_step()
    assert warning.id == "civic_wagtail_events.W001"
    assert "fine" in warning.msg or "Permit clinic" in warning.msg
