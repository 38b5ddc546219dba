"""RFC 5545 / 7986 rules asserted on the bytes of the feeds."""

import re
from datetime import date, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import vText

from civic_wagtail.events.ical import clean_text
from tests.events.helpers import make_event, make_index, parse, republish, vevents
from tests.factories import TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return make_index(home_page)


def lines(body):
    assert body.endswith(b"\r\n")
    return body[:-2].split(b"\r\n")


def assert_well_formed(body):
    """CRLF only, no line over 75 octets, and folds never split a UTF-8 character."""
    assert b"\n" not in body.replace(b"\r\n", b"")
    assert b"\r" not in body.replace(b"\r\n", b"")
    for line in lines(body):
        assert len(line) <= 75, line
        line.decode("utf-8")  # each physical line is valid UTF-8 on its own


def test_feed_bytes_follow_the_rfc(client, index):
    topic = TopicFactory(name="Permits, licences; inspections")
    long_title = "Réunion publique sur les permis de construire — " * 4
    make_event(
        index,
        title=long_title,
        topics=[topic],
        description='Line one\nA, B; C \\ D "quoted"',
        event_format="hybrid",
        join_url="https://meet.example.org/room",
        venue="Hôtel de Ville",
    )
    response = client.get("/calendar/all.ics")
    body = response.content
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert_well_formed(body)
    text = body.decode().replace("\r\n ", "")  # unfolded
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//civic_wagtail//Events//EN")
    for expected in [
        "METHOD:PUBLISH\r\n",
        "NAME:Civic events\r\n",
        "X-WR-CALNAME:Civic events\r\n",
        "REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n",
        "X-PUBLISHED-TTL:PT1H\r\n",
        "CATEGORIES:Permits\\, licences\\; inspections\r\n",
        "CONFERENCE;FEATURE=VIDEO;LABEL=Join;VALUE=URI:https://meet.example.org/room\r\n",
        'DESCRIPTION:Line one\\nA\\, B\\; C \\\\ D "quoted"\r\n',
        "URL:http://localhost/events/",
        "DTSTART;TZID=Europe/Paris:20300305T100000\r\n",
        "STATUS:CONFIRMED\r\n",
    ]:
        assert expected in text, expected
    event = vevents(body)[0]
    assert str(event["SUMMARY"]) == long_title
    assert str(event["DESCRIPTION"]) == 'Line one\nA, B; C \\ D "quoted"'
    assert text.endswith("END:VCALENDAR\r\n")


def test_one_vtimezone_per_tzid(client, index):
    make_event(index, title="Paris", time_zone="Europe/Paris")
    make_event(index, title="Paris again", time_zone="Europe/Paris")
    make_event(index, title="Sydney", time_zone="Australia/Sydney")
    make_event(index, title="In UTC", time_zone="UTC")
    make_event(
        index,
        title="All day",
        all_day=True,
        start_time=None,
        end_time=None,
        time_zone="America/Chicago",
    )
    calendar = parse(client.get("/calendar/all.ics"))
    used = {event["DTSTART"].params.get("TZID") for event in calendar.walk("VEVENT")} - {None}
    assert used == {"Europe/Paris", "Australia/Sydney"}
    assert sorted(tz["TZID"] for tz in calendar.walk("VTIMEZONE")) == sorted(used)
    assert calendar.get_missing_tzids() == set()
    all_day = next(e for e in calendar.walk("VEVENT") if str(e["SUMMARY"]) == "All day")
    assert all_day["DTSTART"].to_ical() == b"20300305"
    assert all_day["DTEND"].to_ical() == b"20300306"  # exclusive end: the next day


def test_uid_and_dtstamp_are_stable_across_requests_and_slug_changes(client, index):
    page = make_event(index)
    first = client.get("/calendar/all.ics").content
    second = client.get("/calendar/all.ics").content
    assert first == second
    event = vevents(first)[0]
    assert str(event["UID"]) == f"{page.translation_key}@events.civic-wagtail.invalid"
    assert event["DTSTAMP"].dt == page.last_published_at.replace(microsecond=0)
    assert event["LAST-MODIFIED"].dt == event["DTSTAMP"].dt
    assert event["DTSTAMP"].to_ical().endswith(b"Z")
    renamed = republish(page, slug="renamed-clinic")
    after = vevents(client.get("/calendar/all.ics"))[0]
    assert str(after["UID"]) == str(event["UID"])
    assert str(after["URL"]).endswith("/events/renamed-clinic/")
    assert after["DTSTAMP"].dt == renamed.last_published_at.replace(microsecond=0)


def test_sequence_increases_on_significant_changes_only(client, index):
    page = make_event(index)
    assert vevents(client.get("/calendar/all.ics"))[0]["SEQUENCE"] == 0
    page = republish(page, title="New title only")
    assert vevents(client.get("/calendar/all.ics"))[0]["SEQUENCE"] == 0
    page = republish(page, start_time=time(9, 0))
    assert vevents(client.get("/calendar/all.ics"))[0]["SEQUENCE"] == 1
    page = republish(page, status="CANCELLED")
    event = vevents(client.get("/calendar/all.ics"))[0]
    assert event["SEQUENCE"] == 2
    assert event["STATUS"] == "CANCELLED"  # cancelled events stay, marked cancelled
    page.unpublish()
    assert vevents(client.get("/calendar/all.ics")) == []
    republish(page, end_time=time(12, 0))
    assert vevents(client.get("/calendar/all.ics"))[0]["SEQUENCE"] == 3


def test_series_with_skipped_cancelled_and_moved_dates(client, index):
    make_event(
        index,
        repeat="weekly",
        repeat_weekdays=["TU"],
        repeat_until=date(2030, 4, 30),
        changes=[
            {"original_date": date(2030, 3, 12), "action": "exclude"},
            {"original_date": date(2030, 3, 19), "action": "cancel"},
            {
                "original_date": date(2030, 3, 26),
                "action": "move",
                "new_date": date(2030, 3, 27),
                "new_start_time": time(14),
                "new_end_time": time(15),
            },
        ],
    )
    body = client.get("/calendar/all.ics").content
    assert_well_formed(body)
    text = body.decode()
    assert "RRULE:FREQ=WEEKLY;UNTIL=20300430T215959Z;BYDAY=TU\r\n" in text
    assert "EXDATE;TZID=Europe/Paris:20300312T100000\r\n" in text
    series, cancelled, moved = vevents(body)
    assert str(series["UID"]) == str(cancelled["UID"]) == str(moved["UID"])
    assert "RRULE" not in cancelled and "RRULE" not in moved
    assert cancelled["STATUS"] == "CANCELLED"
    assert cancelled["RECURRENCE-ID"].to_ical() == b"20300319T100000"
    assert moved["RECURRENCE-ID"].to_ical() == b"20300326T100000"
    assert moved["DTSTART"].to_ical() == b"20300327T140000"
    assert moved["DTSTART"].params["TZID"] == "Europe/Paris"


def test_online_events_carry_conference_and_in_person_do_not(client, index):
    make_event(index, title="Online", event_format="online", join_url="https://meet.example/a")
    make_event(index, title="Hall", event_format="in_person", join_url="")
    events = {str(e["SUMMARY"]): e for e in vevents(client.get("/calendar/all.ics"))}
    assert str(events["Online"]["CONFERENCE"]) == "https://meet.example/a"
    assert "CONFERENCE" not in events["Hall"]


# --- editors' text cannot inject properties ---------------------------------------------

PROPERTY_NAMES = ["DTSTART", "UID", "ATTACH", "END", "BEGIN", "RRULE", "X-EVIL", "STATUS"]
injection = st.lists(
    st.one_of(
        st.text(),
        st.sampled_from(PROPERTY_NAMES).map(lambda n: f"\r\n{n}:evil"),
        st.sampled_from(PROPERTY_NAMES).map(lambda n: f"\n{n};X=1:evil\r"),
        st.just("\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:forged"),
    ),
    max_size=5,
).map("".join)


def render_in_memory(title, description):
    """The bytes a feed serves for an event with this text (same code path as publishing)."""
    from datetime import UTC, datetime

    from civic_wagtail.events.ical import CALENDAR_END, calendar_head, render_event, vtimezone
    from civic_wagtail.events.models import EventPage
    from tests.events.helpers import EVENT_DEFAULTS

    page = EventPage(title=title, **{**EVENT_DEFAULTS, "description": description})
    vevent, tzids = render_event(
        page, "https://example.org/e/", datetime(2030, 1, 1, tzinfo=UTC), 0, [title]
    )
    head = calendar_head(title, "cal@example.org", description=description)
    return (head + "".join(vtimezone(t) for t in tzids) + vevent + CALENDAR_END).encode()


def content_lines(body):
    """Unfolded content lines."""
    return body.replace(b"\r\n ", b"")[:-2].split(b"\r\n")


EVENT_KEYS = {
    "SUMMARY",
    "DTSTART",
    "DTEND",
    "DTSTAMP",
    "UID",
    "SEQUENCE",
    "DESCRIPTION",
    "LAST-MODIFIED",
    "LOCATION",
    "STATUS",
    "URL",
    "CATEGORIES",
    "CONTACT",
}
CALENDAR_KEYS = {
    "VERSION",
    "PRODID",
    "METHOD",
    "NAME",
    "X-WR-CALNAME",
    "REFRESH-INTERVAL",
    "UID",
    "X-PUBLISHED-TTL",
    "DESCRIPTION",
    "X-WR-CALDESC",
}


@settings(max_examples=300, deadline=None)
@given(title=injection, description=injection)
def test_arbitrary_text_reads_back_exactly_and_adds_no_property(title, description):
    body = render_in_memory(title, description)
    assert_well_formed(body)
    lines_ = content_lines(body)
    begins = [line for line in lines_ if line.startswith(b"BEGIN:")]
    assert begins == [
        b"BEGIN:VCALENDAR",
        b"BEGIN:VTIMEZONE",
        b"BEGIN:STANDARD",
        b"BEGIN:DAYLIGHT",
        b"BEGIN:STANDARD",
        b"BEGIN:VEVENT",
    ]
    assert sum(line.startswith(b"UID:") for line in lines_) == 2  # calendar and event
    calendar = parse(body)
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == clean_text(title)
    assert str(event.get("DESCRIPTION", "")) == clean_text(description)
    if clean_text(title):
        assert [str(c) for c in event["CATEGORIES"].cats] == [clean_text(title)]
    assert set(event.keys()) <= EVENT_KEYS
    assert set(calendar.keys()) <= CALENDAR_KEYS
    # icalendar reads NAME back untyped (still escaped): compare the TEXT-escaped bytes.
    assert calendar["NAME"].to_ical() == vText(clean_text(title)).to_ical()
    assert calendar["X-WR-CALNAME"].to_ical() == vText(clean_text(title)).to_ical()


def test_injection_through_the_admin_fields_and_http(client, index):
    evil = "Talk\r\nDTSTART:19700101T000000Z\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:forged"
    page = make_event(index, title=evil, description=evil, slug="evil")
    body = client.get(page.url + "ical/").content
    assert_well_formed(body)
    (event,) = vevents(body)
    assert str(event["SUMMARY"]) == clean_text(evil)
    assert str(event["UID"]) == page.uid
    assert event["DTSTART"].to_ical() == b"20300305T100000"


@given(st.text())
def test_clean_text_only_changes_line_ends_and_controls(value):
    cleaned = clean_text(value)
    assert "\r" not in cleaned
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", cleaned)
    simple = re.sub(r"\r\n|[\r\n\u2028\u2029\x85]", "", value)
    simple = re.sub(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", "", simple)
    assert cleaned.replace("\n", "") == simple
