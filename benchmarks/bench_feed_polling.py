"""What a calendar client's poll costs: the conditional GET answered 304 from the feed's
version stamp, against the full response, at 100 and at 10,000 events; the feed window; and
the gzip ratio. Ratios in one run, never asserted.

Run: PYTHONPATH=$PWD:$PWD/example_site DJANGO_SETTINGS_MODULE=tests.settings \\
     python benchmarks/bench_feed_polling.py [--events 10000]

Targets (issue 20): the 304 at 10,000 events costs at most 1.2x the 304 at 100, and at most
5 % of the full response at 10,000. Three calendars: 100 and 10,000 upcoming events (all
inside the window, so the full response is the whole feed), and 10,000 events spread over ten
years of history and one ahead, to measure what the 180-day window saves.
"""

import argparse
import gzip
import os
import sys
from datetime import date


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=10_000)
    args = parser.parse_args()
    from benchmarks.harness import measure, report, start_benchmark, timer

    start_benchmark()
    from django.core.cache import cache
    from django.test import Client, override_settings

    from benchmarks.bench_events import build
    today = date.today()
    with timer(f"creating 100 + {args.events} + {args.events} events"):
        build(100, slug="small", first_day=today, span_days=365)
        build(args.events, slug="large", first_day=today, span_days=365)
        build(args.events, slug="history", first_day=date(today.year - 10, 1, 1), span_days=4000)
    from civic_wagtail.events.models import EventPage
    from civic_wagtail.models import Topic

    # A topic over each upcoming calendar: the kind of feed people subscribe to, served
    # without Wagtail's page routing (which the calendar page's own feed goes through).
    through = EventPage.topics.through
    for slug in ("small", "large"):
        topic = Topic.objects.create(name=slug.title(), slug=slug)
        ids = EventPage.objects.filter(url_path__contains=f"/{slug}/").values_list("pk", flat=True)
        through.objects.bulk_create(
            [through(eventpage_id=pk, topic_id=topic.pk) for pk in ids], batch_size=1000
        )
    client = Client()

    def get(url, **headers):
        response = client.get(url, **headers)
        assert response.status_code in (200, 304), response.status_code
        return response

    small, large, history = "/small/feed/", "/large/feed/", "/history/feed/"
    small_etag, large_etag = get(small)["ETag"], get(large)["ETag"]
    with override_settings(CIVIC_WAGTAIL_EVENTS_FEED_CACHE_SECONDS=0):  # render every time
        cache.clear()  # the bodies the first requests stored
        full = measure(lambda: get(large), repeat=5)
        windowed_render = measure(lambda: get(history), repeat=5)
        with override_settings(CIVIC_WAGTAIL_EVENTS_FEED_PAST_DAYS=None):
            whole = measure(lambda: get(history), repeat=3)
            whole_bytes = len(get(history).content)
    windowed = get(history).content
    body = get(large).content
    cached = measure(lambda: get(large), repeat=5)
    small_topic, large_topic = "/calendar/topics/small.ics", "/calendar/topics/large.ics"
    small_topic_etag, large_topic_etag = get(small_topic)["ETag"], get(large_topic)["ETag"]
    with override_settings(CIVIC_WAGTAIL_EVENTS_FEED_CACHE_SECONDS=0):
        cache.clear()
        topic_full = measure(lambda: get(large_topic), repeat=5)
    small_topic_304 = measure(
        lambda: get(small_topic, HTTP_IF_NONE_MATCH=small_topic_etag), repeat=50
    )
    large_topic_304 = measure(
        lambda: get(large_topic, HTTP_IF_NONE_MATCH=large_topic_etag), repeat=50
    )
    small_304 = measure(lambda: get(small, HTTP_IF_NONE_MATCH=small_etag), repeat=50)
    large_304 = measure(lambda: get(large, HTTP_IF_NONE_MATCH=large_etag), repeat=50)
    head = measure(lambda: client.head(large), repeat=20)
    packed = get(large, HTTP_ACCEPT_ENCODING="gzip").content
    assert gzip.decompress(packed) == body

    report(
        f"Calendar page feed of {args.events} upcoming events",
        "full response, rendered",
        full,
        [
            ("full response, body from the cache", cached),
            ("conditional GET answered 304", large_304),
            ("HEAD", head),
        ],
    )
    report(
        f"Calendar page feed of {args.events} events over ten years",
        "full response, rendered, no window",
        whole,
        [("full response, rendered, 180-day window", windowed_render)],
    )
    report(
        "The 304 path does not grow with the feed",
        "conditional GET answered 304, 100 events",
        small_304,
        [(f"conditional GET answered 304, {args.events} events", large_304)],
    )
    report(
        f"Topic feed of {args.events} upcoming events (what subscribers poll)",
        "full response, rendered",
        topic_full,
        [
            ("conditional GET answered 304, 100 events", small_topic_304),
            (f"conditional GET answered 304, {args.events} events", large_topic_304),
        ],
    )
    print(
        f"\n  topic feed: 304 at {args.events} / 304 at 100:"
        f" {large_topic_304[0] / small_topic_304[0]:.2f} (target <= 1.2);"
        f" 304 / full response: {large_topic_304[0] / topic_full[0]:.1%} (target <= 5 %)"
    )
    growth = large_304[0] / small_304[0]
    print(f"  calendar page feed: 304 at {args.events} / 304 at 100: {growth:.2f};"
          f" 304 / full response: {large_304[0] / full[0]:.1%}")
    print(
        f"  window: {len(windowed) / 1e6:.2f} MB against {whole_bytes / 1e6:.2f} MB without it;"
        f" rendering {whole[0] / windowed_render[0]:.1f}x faster with it"
    )
    print(
        f"  gzip: {len(packed) / 1e6:.2f} MB for {len(body) / 1e6:.2f} MB"
        f" ({len(packed) / len(body):.1%} of the bytes)"
    )


if __name__ == "__main__":
    sys.path.insert(0, os.getcwd())
    main()
