"""Recurrence rules: the RRULE we write, and our expansion, agree with dateutil across DST."""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st

from civic_wagtail.events.recurrence import Rule, expand

PARIS = ZoneInfo("Europe/Paris")


def dateutil_starts(rule, start_local, tz_name):
    """What a calendar client computes from our DTSTART;TZID + RRULE."""
    tz = ZoneInfo(tz_name)
    text = rule.as_text(start_local.replace(tzinfo=tz))
    return list(rrulestr(text, dtstart=start_local.replace(tzinfo=tz)))


def test_weekly_keeps_wall_clock_across_spring_and_autumn_changes():
    rule = Rule("weekly", weekdays=("TU",), count=40)
    start = datetime(2030, 3, 5, 10, 0)
    occurrences = expand(start, start.replace(hour=11), "Europe/Paris", rule)
    assert len(occurrences) == 40
    assert {o.start.time() for o in occurrences} == {time(10, 0)}
    offsets = {o.start.utcoffset().total_seconds() / 3600 for o in occurrences}
    assert offsets == {1.0, 2.0}  # both CET and CEST occur: the series crosses DST twice
    assert [o.start for o in occurrences] == dateutil_starts(rule, start, "Europe/Paris")


def test_first_and_third_monday_of_the_month():
    rule = Rule("monthly", weekdays=("MO",), positions=(1, 3), until=date(2030, 6, 30))
    start = datetime(2030, 1, 7, 18, 0)
    starts = [o.start.date() for o in expand(start, start.replace(hour=19), "UTC", rule)]
    assert starts[:4] == [date(2030, 1, 7), date(2030, 1, 21), date(2030, 2, 4), date(2030, 2, 18)]
    assert all(d.weekday() == 0 for d in starts)
    assert starts[-1] == date(2030, 6, 17)
    assert rule.as_text(start.replace(tzinfo=UTC)) == (
        "FREQ=MONTHLY;UNTIL=20300630T235959Z;BYDAY=1MO,3MO"
    )


def test_every_two_weeks_until_a_date_writes_until_in_utc_inside_the_rule():
    rule = Rule("weekly", interval=2, weekdays=("WE",), until=date(2030, 12, 31))
    start = datetime(2030, 10, 2, 9, 30, tzinfo=ZoneInfo("America/New_York"))
    text = rule.as_text(start)
    # 23:59:59 on the last local day (EST, UTC-5) is 04:59:59 UTC the next day.
    assert text == "FREQ=WEEKLY;UNTIL=20310101T045959Z;INTERVAL=2;BYDAY=WE"
    ours = expand(
        start.replace(tzinfo=None), start.replace(hour=10, tzinfo=None), "America/New_York", rule
    )
    assert [o.start for o in ours] == dateutil_starts(
        rule, start.replace(tzinfo=None), "America/New_York"
    )
    assert ours[-1].start.date() == date(2030, 12, 25)


def test_excluded_cancelled_and_moved_dates():
    rule = Rule("weekly", weekdays=("TU",), count=4)
    start = datetime(2030, 3, 5, 10)
    changes = {
        date(2030, 3, 12): ("exclude", None, None),
        date(2030, 3, 19): ("cancel", None, None),
        date(2030, 3, 26): ("move", datetime(2030, 3, 27, 14), datetime(2030, 3, 27, 15)),
    }
    occurrences = expand(start, start.replace(hour=11), "Europe/Paris", rule, changes)
    assert [o.start.date() for o in occurrences] == [
        date(2030, 3, 5),
        date(2030, 3, 19),
        date(2030, 3, 27),
    ]
    assert occurrences[1].cancelled and not occurrences[0].cancelled
    assert occurrences[2].moved
    assert occurrences[2].original_start == datetime(2030, 3, 26, 10, tzinfo=PARIS)


def test_a_time_in_the_spring_gap_takes_the_offset_before_the_gap():
    rule = Rule("daily", count=3)
    start = datetime(2030, 3, 30, 2, 30)  # 31 March 2030 02:30 does not exist in Paris
    occurrences = expand(start, start.replace(hour=3), "Europe/Paris", rule)
    gap = occurrences[1].start
    assert gap.astimezone(UTC) == datetime(2030, 3, 31, 1, 30, tzinfo=UTC)
    assert [o.start for o in occurrences] == dateutil_starts(rule, start, "Europe/Paris")


def test_window_limits_an_unbounded_series():
    rule = Rule("weekly", weekdays=("MO",))
    start = datetime(2030, 1, 7, 9)
    window = (datetime(2031, 1, 1, tzinfo=UTC), datetime(2031, 2, 1, tzinfo=UTC))
    found = expand(start, start.replace(hour=10), "UTC", rule, window=window)
    assert [o.start.day for o in found] == [6, 13, 20, 27]


ZONES = ["Europe/Paris", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "UTC"]


@settings(max_examples=60, deadline=None)
@given(
    zone=st.sampled_from(ZONES),
    frequency=st.sampled_from(["daily", "weekly", "monthly"]),
    interval=st.integers(1, 3),
    days=st.sets(st.sampled_from(["MO", "TU", "WE", "TH", "FR", "SA", "SU"]), max_size=3),
    positions=st.sets(st.sampled_from([1, 2, 3, 4, -1]), max_size=2),
    count=st.integers(1, 30),
    start=st.datetimes(datetime(2025, 1, 1), datetime(2036, 1, 1)),
)
def test_expansion_matches_dateutil(zone, frequency, interval, days, positions, count, start):
    start = start.replace(second=0, microsecond=0)
    rule = Rule(frequency, interval, tuple(days), tuple(positions), count=count)
    ours = [o.start for o in expand(start, start.replace(minute=59), zone, rule, limit=100)]
    assert ours == dateutil_starts(rule, start, zone)


@pytest.mark.parametrize("zone", ZONES)
def test_until_is_inclusive_of_the_last_local_day(zone):
    rule = Rule("daily", until=date(2030, 11, 3))
    start = datetime(2030, 10, 30, 23, 30)
    found = expand(start, start.replace(minute=45), zone, rule)
    assert found[-1].start.date() == date(2030, 11, 3)
    assert [o.start for o in found] == dateutil_starts(rule, start, zone)


def test_changed_dates_do_not_apply_to_a_one_off_event():
    start = datetime(2030, 3, 5, 10)
    changes = {date(2030, 3, 5): ("exclude", None, None)}
    (only,) = expand(start, start.replace(hour=11), "Europe/Paris", None, changes)
    assert only.start == datetime(2030, 3, 5, 10, tzinfo=PARIS)


# --- a first date the rule does not produce (RFC 5545: undefined) -------------------------


def test_first_date_out_of_step_is_found_with_the_nearest_valid_dates():
    from civic_wagtail.events.recurrence import out_of_step

    monthly = Rule("monthly", weekdays=("MO",), positions=(1, 3))
    # Monday 9 November 2026 is the second Monday: the first and third are the 2nd and 16th.
    nearest = (date(2026, 11, 2), date(2026, 11, 16))
    assert out_of_step(monthly, datetime(2026, 11, 9, 15)) == nearest
    assert out_of_step(monthly, datetime(2026, 11, 16, 15)) is None
    biweekly = Rule("weekly", interval=2, weekdays=("TU",))
    nearest = (date(2026, 11, 3), date(2026, 11, 10))
    assert out_of_step(biweekly, datetime(2026, 11, 9, 15)) == nearest
    assert out_of_step(biweekly, datetime(2026, 11, 10, 15)) is None
    assert out_of_step(Rule("daily", interval=3), datetime(2026, 11, 9, 15)) is None
    assert out_of_step(Rule("weekly"), datetime(2026, 11, 9, 15)) is None
