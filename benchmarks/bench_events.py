"""Serving a 10,000-event iCal feed from stored VEVENT blocks vs building it with icalendar.

Run: PYTHONPATH=$PWD:$PWD/example_site DJANGO_SETTINGS_MODULE=tests.settings \\
     python benchmarks/bench_events.py [--events 10000]

The baseline is what a naive feed does per request: build an ``icalendar.Calendar`` with
every event (through the very code that renders our stored blocks), add the VTIMEZONEs and
call ``to_ical()``. The scenario is a GET of ``/calendar/all.ics`` through Django's test
client, database queries included. The issue's target is a ratio of at least 10.
"""

import argparse
import os
import random
import sys
from datetime import UTC, date, datetime, time, timedelta


def build(n, slug="events", first_day=date(2030, 1, 1), span_days=700):
    """``n`` live events through the package's bulk builder (``civic_wagtail.events.bulk``),
    under a new calendar page ``slug``, dated from ``first_day`` over ``span_days``."""
    from wagtail.models import Site

    from civic_wagtail.events.bulk import bulk_add_events
    from civic_wagtail.events.models import EventIndexPage, EventPage

    home = Site.objects.get(is_default_site=True).root_page
    index = EventIndexPage(title=slug.title(), slug=slug)
    home.add_child(instance=index)
    index.save_revision().publish()
    index.refresh_from_db()
    rng = random.Random(6)
    zones = [
        "Europe/Paris",
        "America/New_York",
        "Australia/Sydney",
        "Asia/Tokyo",
        "UTC",
        "Europe/London",
        "America/Mexico_City",
        "Pacific/Auckland",
    ]
    stamp = datetime(2030, 1, 1, tzinfo=UTC)
    pages = []
    for i in range(n):
        day = first_day + timedelta(days=rng.randint(0, span_days))
        hour = rng.randint(7, 18)
        pages.append(
            EventPage(
                title=f"Event {i}: permits, waste; “services”",
                slug=f"event-{i}",
                event_type="webinar",
                event_format="online",
                join_url=f"https://meet.example.org/{i}",
                start_date=day,
                start_time=time(hour),
                end_date=day,
                end_time=time(hour + 1),
                time_zone=rng.choice(zones),
                venue="Town hall",
                description="A session for public servants.\nBring questions; all welcome.",
                repeat="weekly" if i % 10 == 0 else "",
                repeat_weekdays=["TU"],
                repeat_count=6,
                first_published_at=stamp,
            )
        )
    bulk_add_events(index, pages, stamp=stamp)
    # The baseline gets every row in memory up front, so it measures icalendar, not queries.
    built = EventPage.objects.child_of(index)
    return list(built.prefetch_related("occurrence_changes")), stamp


def naive_build(pages, stamp):
    """The baseline: an icalendar Calendar built and serialised on the spot."""
    from icalendar import Calendar

    from civic_wagtail.events.ical import event_component

    calendar = Calendar.new(name="Civic events", uid="bench", method="PUBLISH")
    for page in pages:
        calendar.add_component(
            event_component(
                page, f"http://localhost/{page.slug}/", stamp, 0, categories=["Permits"]
            )
        )
    calendar.add_missing_timezones()
    return calendar.to_ical()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=10_000)
    args = parser.parse_args()
    from benchmarks.harness import measure, report, start_benchmark, timer

    start_benchmark()
    from django.test import Client
    with timer(f"creating {args.events} events and rendering their blocks"):
        pages, stamp = build(args.events)
    client = Client()

    def serve():
        response = client.get("/calendar/all.ics")
        assert response.status_code == 200
        return response

    body = serve().content
    print(f"  feed: {len(body) / 1e6:.1f} MB, {body.count(b'BEGIN:VEVENT')} VEVENTs")
    baseline = measure(lambda: naive_build(pages, stamp), repeat=3)
    served = measure(serve, repeat=5)
    etag = serve()["ETag"]
    conditional = measure(
        lambda: client.get("/calendar/all.ics", HTTP_IF_NONE_MATCH=etag), repeat=5
    )
    report(
        f"iCal feed of {args.events} events",
        "icalendar build + to_ical() per request",
        baseline,
        [
            ("GET /calendar/all.ics (stored blocks)", served),
            ("conditional GET answered 304", conditional),
        ],
    )
    print(f"\n  speed-up of serving over building: {baseline[0] / served[0]:.1f}x (target >= 10x)")


if __name__ == "__main__":
    sys.path.insert(0, os.getcwd())
    main()
