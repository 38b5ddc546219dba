"""What the event editor is told when a date, a time or a series does not add up, how a saved
monthly series comes back into the form, and a draft saved before its time zone is chosen."""

import re
from datetime import date, time

import pytest
from django.core.exceptions import ValidationError

from civic_wagtail.events.models import EventPage, OccurrenceChange
from tests.events.helpers import EVENT_DEFAULTS, make_event, make_index

pytestmark = pytest.mark.django_db


def errors_of(**fields):
    page = EventPage(title="T", slug="t", **{**EVENT_DEFAULTS, **fields})
    with pytest.raises(ValidationError) as caught:
        page.clean()
    return caught.value.message_dict


def test_a_timed_event_needs_both_times_or_all_day():
    errors = errors_of(start_time=None, end_time=None)
    assert errors["start_time"] == ["Give a start time, or tick “all day”."]
    assert errors["end_time"] == ["Give an end time, or tick “all day”."]
    assert set(errors_of(end_time=None)) == {"end_time"}
    EventPage(title="T", slug="t", **{**EVENT_DEFAULTS, "start_time": None, "end_time": None,
                                      "all_day": True}).clean()


def test_a_series_cannot_end_before_it_starts():
    errors = errors_of(repeat="weekly", repeat_weekdays=["TU"], repeat_until=date(2030, 3, 1))
    assert errors["repeat_until"] == ["The series cannot end before the first date."]


def test_a_monthly_series_by_week_needs_its_weekday():
    errors = errors_of(repeat="monthly", repeat_positions=[1, 3], repeat_weekdays=[])
    assert errors["repeat_weekdays"] == ["Tick the weekday, e.g. Monday for “first Monday”."]


def test_a_moved_date_must_end_after_it_starts():
    change = OccurrenceChange(
        original_date=date(2030, 3, 12), action="move", new_date=date(2030, 3, 13),
        new_start_time=time(15), new_end_time=time(14),
    )
    with pytest.raises(ValidationError) as caught:
        change.clean()
    assert caught.value.message_dict == {"new_end_time": ["The end must be after the start."]}
    OccurrenceChange(original_date=date(2030, 3, 19), action="cancel").clean()
    OccurrenceChange(original_date=date(2030, 3, 19), action="skip").clean()


def test_the_editor_sees_the_weeks_a_monthly_series_was_saved_with(home_page, admin_client):
    index = make_index(home_page)
    # Tuesday 5 March 2030 is the first Tuesday of the month.
    page = make_event(index, slug="first-tuesdays", repeat="monthly",
                      repeat_weekdays=["TU"], repeat_positions=[1, -1])
    html = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    checked = {
        match.group(1)
        for tag in re.findall(r"<input[^>]*name=\"repeat_positions\"[^>]*>", html)
        if "checked" in tag and (match := re.search(r'value="(-?\d)"', tag))
    }
    assert checked == {"1", "-1"}


def test_a_draft_saved_before_its_time_zone_is_chosen_has_no_span_yet(home_page, admin_client):
    index = make_index(home_page)
    response = admin_client.post(
        f"/admin/pages/add/civic_wagtail_events/eventpage/{index.pk}/",
        {"title": "Open day", "slug": "open-day", "event_type": "webinar",
         "event_format": "in_person", "status": "CONFIRMED", "start_date": "2030-05-07",
         "start_time": "10:00", "end_date": "2030-05-07", "end_time": "12:00",
         "time_zone": "", "repeat": "", "repeat_interval": "1",
         "occurrence_changes-TOTAL_FORMS": "0", "occurrence_changes-INITIAL_FORMS": "0",
         "occurrence_changes-MIN_NUM_FORMS": "0", "occurrence_changes-MAX_NUM_FORMS": "1000"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    draft = EventPage.objects.get(slug="open-day")
    assert not draft.live and draft.time_zone == ""
    assert draft.first_start_utc is None and draft.last_end_utc is None
