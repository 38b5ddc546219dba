"""1,000 calendar clients polling the feeds with conditional requests, against the
production stack on this machine (gunicorn + PostgreSQL + Redis, 127.0.0.1 only).

Run: make load-feeds   (or: python benchmarks/load/feed_polling.py --help)

What it does, bounded in time, and stops by itself:
1. creates a fresh PostgreSQL database, migrates it with the production settings and builds
   ``--events`` published events (the benchmarks' bulk builder) under one calendar page;
2. starts gunicorn on 127.0.0.1 with the production settings and Redis as the cache;
3. runs ``--clients`` simulated calendar clients with locust for ``--seconds``: each fetches
   one of the feeds once, then polls it with ``If-None-Match`` (a real client polls hourly;
   these poll every few seconds, to put an hour of a large city's subscribers into a minute);
   half way through, an editor publishes an event, so every client downloads once more;
4. prints requests per second, p50/p95/p99 and the share answered 304, then stops gunicorn
   and drops the database.
"""

import argparse
import os
import random
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
FEEDS = ["/calendar/all.ics", "/calendar/topics/permits.ics", "/events/feed/"]


def environment(database, port):
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "civic_demo.settings.production",
            "PYTHONPATH": f"{ROOT}:{ROOT / 'example_site'}",
            "SECRET_KEY": "load-test-only-" + "x" * 50,
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{database}",
            "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/3"),
            "CACHE_KEY_PREFIX": f"load-{os.getpid()}",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "LOG_LEVEL": "WARNING",
        }
    )
    return env


BUILD = """
import django; django.setup()
from wagtail.models import Locale, Site
from civic_wagtail.models import Topic
from civic_wagtail.events.models import EventPage
from benchmarks.bench_events import build
site = Site.objects.get(is_default_site=True)
site.hostname, site.port = "127.0.0.1", {port}
site.save()
build({events}, slug="events")
topic, _ = Topic.objects.get_or_create(
    slug="permits", defaults={{"name": "Permits", "locale": Locale.get_default()}}
)
through = EventPage.topics.through
through.objects.bulk_create(
    through(eventpage_id=pk, topic_id=topic.pk)
    for pk in EventPage.objects.values_list("pk", flat=True)[: {events} // 3]
)
"""

PUBLISH = """
import django; django.setup()
from civic_wagtail.events.models import EventPage
page = EventPage.objects.order_by("pk").first()
page.title = page.title + " (updated)"
page.save_revision().publish()
"""


def run(code, env):
    subprocess.run([PYTHON, "-c", code], env=env, cwd=ROOT, check=True)  # noqa: S603


def psql(sql):
    subprocess.run(  # noqa: S603
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-c", sql],  # noqa: S607
        check=True,
        capture_output=True,
    )


def wait_for(url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 (loopback only)
            return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer within {seconds}s")


def poll(host, clients, seconds, interval, env):
    """The locust part: imported here, because gevent patches the standard library."""
    import gevent
    from locust import HttpUser, between, events, task
    from locust.env import Environment

    class CalendarClient(HttpUser):
        wait_time = between(interval * 0.5, interval * 1.5)

        def on_start(self):
            self.feed = random.choice(FEEDS)  # noqa: S311
            self.etag = None

        @task
        def poll(self):
            headers = {"X-Forwarded-Proto": "https", "Accept-Encoding": "gzip"}
            if self.etag:
                headers["If-None-Match"] = self.etag
            name = f"{self.feed} ({'conditional' if self.etag else 'first'})"
            with self.client.get(
                self.feed, headers=headers, name=name, catch_response=True
            ) as response:
                if response.status_code == 304:
                    response.success()
                    statuses["304"] += 1
                elif response.status_code == 200:
                    self.etag = response.headers.get("ETag")
                    statuses["200"] += 1
                else:
                    statuses["other"] += 1
                    response.failure(f"status {response.status_code}")

    statuses = {"200": 0, "304": 0, "other": 0}
    environment = Environment(user_classes=[CalendarClient], host=host, events=events)
    runner = environment.create_local_runner()
    runner.start(clients, spawn_rate=max(1, clients // 10))
    gevent.sleep(seconds / 2)
    run(PUBLISH, env)  # an editor publishes: every client downloads its feed once more
    gevent.sleep(seconds / 2)
    runner.quit()
    return environment.stats, statuses


def report(stats, statuses, seconds):
    total = stats.total
    print(f"\n  {'endpoint':<48} {'requests':>9} {'req/s':>7} {'p50':>6} {'p95':>6} {'p99':>6}")
    for entry in sorted(stats.entries.values(), key=lambda e: e.name):
        print(
            f"  {entry.name:<48} {entry.num_requests:>9} {entry.num_requests / seconds:>7.1f}"
            f" {entry.get_response_time_percentile(0.5):>6.0f}"
            f" {entry.get_response_time_percentile(0.95):>6.0f}"
            f" {entry.get_response_time_percentile(0.99):>6.0f}"
        )
    answered = statuses["200"] + statuses["304"]
    print(
        f"\n  total: {total.num_requests} requests, {total.num_requests / seconds:.1f}/s,"
        f" p50 {total.get_response_time_percentile(0.5):.0f} ms,"
        f" p99 {total.get_response_time_percentile(0.99):.0f} ms,"
        f" failures {total.num_failures}"
    )
    print(
        f"  answered 304: {statuses['304'] / max(1, answered):.1%}"
        f" ({statuses['304']} of {answered}); other statuses: {statuses['other']}"
    )
    for error in stats.errors.values():
        print(f"  error: {error.occurrences} x {error.method} {error.name}: {error.error}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--interval", type=float, default=10.0, help="mean seconds between polls")
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    database = f"civic_load_{os.getpid()}"
    env = environment(database, args.port)
    psql(f"CREATE DATABASE {database}")
    server = None
    try:
        manage = [PYTHON, str(ROOT / "example_site" / "manage.py")]
        subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True)  # noqa: S603
        run(BUILD.format(events=args.events, port=args.port), env)
        server = subprocess.Popen(  # noqa: S603
            [
                PYTHON, "-m", "gunicorn", "civic_demo.wsgi",
                "--bind", f"127.0.0.1:{args.port}",
                "--workers", str(args.workers),
                "--worker-class", "gthread", "--threads", "4",
                "--log-level", "warning",
            ],
            env=env,
            cwd=ROOT / "example_site",
        )
        host = f"http://127.0.0.1:{args.port}"
        wait_for(host + FEEDS[0])
        print(
            f"{args.clients} calendar clients, {args.seconds}s, a poll every ~{args.interval}s,"
            f" {args.events} events, gunicorn {args.workers} workers ({time.strftime('%F')})"
        )
        stats, statuses = poll(host, args.clients, args.seconds, args.interval, env)
        report(stats, statuses, args.seconds)
    finally:
        if server is not None:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
        psql(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")


if __name__ == "__main__":
    main()
