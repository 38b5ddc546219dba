"""The calendar page, event pages, members' attend/follow actions and the profile panel."""

from datetime import date, time, timedelta

import pytest
from django.utils import timezone

from civic_wagtail.events.models import CalendarToken, EventAttendance
from tests.events.helpers import make_event, make_index, vevents
from tests.factories import TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return make_index(home_page)


def soon(days=10):
    return (timezone.now() + timedelta(days=days)).date()


def test_calendar_page_lists_upcoming_and_past_and_filters(client, index):
    permits = TopicFactory(slug="permits", name="Permits")
    make_event(
        index,
        title="Future permits",
        slug="f",
        topics=[permits],
        start_date=soon(),
        end_date=soon(),
    )
    make_event(index, title="Future other", slug="o", start_date=soon(5), end_date=soon(5))
    make_event(
        index, title="Old one", slug="old", start_date=date(2020, 1, 7), end_date=date(2020, 1, 7)
    )
    html = client.get("/events/").content.decode()
    assert "Future permits" in html and "Future other" in html and "Old one" not in html
    assert html.index("Future other") < html.index("Future permits")  # soonest first
    assert (
        '<link rel="alternate" type="text/calendar" title="Events" href="/events/feed/">' in html
    )
    assert 'href="webcal://localhost/events/feed/"' in html  # the Site, not the request

    filtered = client.get("/events/?topic=permits").content.decode()
    assert "Future permits" in filtered and "Future other" not in filtered
    assert 'type="text/calendar" title="Events: Permits" href="/events/feed/?topic=permits"' in (
        filtered
    )
    past = client.get("/events/?view=past").content.decode()
    assert "Old one" in past and "Future permits" not in past


def test_times_are_shown_in_the_events_zone_and_the_readers_on_request(client, index):
    make_event(
        index,
        title="Sydney talk",
        slug="syd",
        time_zone="Australia/Sydney",
        start_date=soon(),
        end_date=soon(),
        start_time=time(18),
        end_time=time(19),
    )
    html = client.get("/events/").content.decode()
    assert "18:00 – 19:00" in html and "(Australia/Sydney)" in html
    mine = client.get("/events/?tz=Europe/London").content.decode()
    assert "Your time:" in mine and "(Europe/London)" in mine
    unknown = client.get("/events/?tz=Not/AZone")
    assert unknown.status_code == 400 and "Your time:" not in unknown.content.decode()


def test_month_view_expands_series(client, index):
    make_event(
        index,
        title="Weekly call",
        slug="call",
        repeat="weekly",
        repeat_weekdays=["TU"],
        repeat_count=10,
        start_date=date(2030, 3, 5),
        end_date=date(2030, 3, 5),
        changes=[{"original_date": date(2030, 3, 19), "action": "cancel"}],
    )
    html = client.get("/events/?view=month&month=2030-03").content.decode()
    day_list = html[html.index('<div class="cw-ev-month-list">'):]
    grid = html[html.index('<table class="cw-ev-month">'):html.index("</table>")]
    # 5, 12, 19 (cancelled), 26 March: in the day list (a phone) and in the grid.
    assert day_list.count("Weekly call") == 4 and grid.count("Weekly call") == 4
    assert "Tuesday 19 March" in html and "Cancelled" in html
    assert "month=2030-04" in html and "month=2030-02" in html
    assert client.get("/events/?view=month&month=garbage").status_code == 400


def test_calendar_listing_query_count_does_not_grow(client, index, django_assert_num_queries):
    def add(n):
        for i in range(n):
            make_event(
                index,
                title=f"E{i}",
                slug=f"e{i}-{n}",
                start_date=soon(i + 1),
                end_date=soon(i + 1),
                topics=[TopicFactory()],
            )

    add(3)
    client.get("/events/")
    # 20: one of them finds the events under way (a series' next date is not its first).
    with django_assert_num_queries(20) as small:
        client.get("/events/")
    add(22)  # more than a page
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get("/events/")
    assert "Page 1 of 2" in response.content.decode()
    assert client.get("/events/?page=2").status_code == 200
    assert client.get("/events/?page=zzz").status_code == 200


def test_event_page_offers_calendar_links(client, index):
    page = make_event(index, title="Clinic & Q/A", slug="clinic")
    html = client.get(page.url).content.decode()
    assert 'href="/events/clinic/ical/"' in html
    assert "webcal://localhost/events/clinic/ical/" in html
    assert (
        "https://calendar.google.com/calendar/render?action=TEMPLATE&amp;text=Clinic%20%26%20Q%2FA"
        in html
    )
    assert "dates=20300305T090000Z%2F20300305T103000Z" in html
    assert "ctz=Europe%2FParis" in html
    assert "https://outlook.live.com/calendar/0/deeplink/compose?" in html
    assert "startdt=2030-03-05T09%3A00%3A00Z" in html
    assert 'rel="alternate" type="text/calendar"' in html


def test_members_follow_and_register_into_their_personal_feed(client, index, verified_member):
    page = make_event(index, slug="clinic")
    url = f"/calendar/attend/{page.pk}/"
    assert client.post(url, {"action": "following"}).status_code == 302  # to log in
    assert not EventAttendance.objects.exists()
    client.force_login(verified_member)
    response = client.post(url, {"action": "registered", "next": "https://evil.example/"})
    assert response["Location"] == page.url
    assert EventAttendance.objects.get().kind == "registered"
    assert "You registered for this event." in client.get(page.url).content.decode()
    token = CalendarToken.for_user(verified_member).token
    assert len(vevents(client.get(f"/calendar/member/{token}.ics"))) == 1
    assert client.post(url, {"action": "dance"}).status_code == 400
    client.post(url, {"action": "forget"})
    assert vevents(client.get(f"/calendar/member/{token}.ics")) == []
    assert client.get(url).status_code == 405
    assert client.post("/calendar/attend/999999/", {"action": "following"}).status_code == 404


def test_profile_panel_shows_and_resets_the_personal_link(client, index, verified_member):
    client.force_login(verified_member)
    html = client.get("/members/profile/").content.decode()
    token = CalendarToken.for_user(verified_member).token
    assert f"/calendar/member/{token}.ics" in html
    client.post("/calendar/member/reset/", {"next": "/members/profile/"})
    assert CalendarToken.for_user(verified_member).token != token
    assert client.get(f"/calendar/member/{token}.ics").status_code == 404


def test_a_series_whose_dates_are_all_skipped_still_renders(client, index):
    page = make_event(
        index,
        slug="gone",
        repeat="weekly",
        repeat_count=1,
        changes=[{"original_date": date(2030, 3, 5), "action": "exclude"}],
    )
    assert client.get(page.url).status_code == 200
    assert client.get("/events/").status_code == 200


def test_attendance_changes_are_rate_limited(client, settings, index, verified_member):
    settings.CIVIC_WAGTAIL_RATE_LIMITS = {"event_attendance": {"member": (1, 3600)}}
    page = make_event(index, slug="clinic")
    client.force_login(verified_member)
    client.post(f"/calendar/attend/{page.pk}/", {"action": "following"})
    response = client.post(f"/calendar/attend/{page.pk}/", {"action": "registered"})
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert EventAttendance.objects.get().kind == "following"


def test_upcoming_list_merges_series_and_single_events_in_start_order(client, index):
    """A series that began weeks ago is listed at its next date, between one-off events."""
    today = timezone.now().date()
    start = today - timedelta(days=25)
    days = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
    make_event(index, title="Old series", slug="series", start_date=start, end_date=start,
               repeat="weekly", repeat_interval=2, repeat_weekdays=[days[start.weekday()]],
               time_zone="UTC")  # its next date: in 3 days
    make_event(index, title="Tomorrow talk", slug="a", start_date=soon(1), end_date=soon(1))
    make_event(index, title="Far talk", slug="b", start_date=soon(20), end_date=soon(20))
    html = client.get("/events/").content.decode()
    assert html.index("Tomorrow talk") < html.index("Old series") < html.index("Far talk")


def test_a_deactivated_accounts_personal_feed_answers_404(client, index, verified_member):
    page = make_event(index, slug="clinic")
    EventAttendance.objects.create(user=verified_member, page=page, kind="following")
    token = CalendarToken.for_user(verified_member).token
    assert client.get(f"/calendar/member/{token}.ics").status_code == 200
    verified_member.is_active = False
    verified_member.save()
    assert client.get(f"/calendar/member/{token}.ics").status_code == 404
    verified_member.is_active = True
    verified_member.save()  # as for a deleted account, the old URL never comes back
    assert client.get(f"/calendar/member/{token}.ics").status_code == 404


def test_month_view_is_a_grid_of_days_with_previous_and_next(client, index):
    make_event(index, title="March clinic", slug="march",
               start_date=date(2031, 3, 12), end_date=date(2031, 3, 12))
    html = client.get("/events/?view=month&month=2031-03").content.decode()
    table = html[html.index('<table class="cw-ev-month">'):html.index("</table>")]
    assert table.count('<th scope="col"') == 7
    assert table.count("<tr>") == 1 + 6  # the header and the weeks that touch March 2031
    cell = table[table.index('datetime="2031-03-12"'):]
    assert cell.index("March clinic") < cell.index("</td>")
    assert 'href="?view=month&amp;month=2031-02"' in html
    assert 'href="?view=month&amp;month=2031-04"' in html
    assert client.get("/events/?view=month&month=2031-13").status_code == 400
