"""Atom feeds and a consultation's results page: does the cost grow with the data?

Run: PYTHONPATH=$PWD:$PWD/example_site DJANGO_SETTINGS_MODULE=tests.settings \\
     python benchmarks/bench_transparency_policy.py [--policies 2000] [--responses 10000]

For each view, the baseline is the same request on a small data set (20 policies, 100
responses) in the same process; the scenario is the large data set. The report gives the
time ratio and the queries of each: the query count must be the same (also pinned in
tests/transparency), and the feed's time stays flat because a feed carries at most
``CIVIC_WAGTAIL_TRANSPARENCY_FEED_ITEMS`` entries. The results page counts every answer in
one grouped query, so its time grows only with what the database scans.
"""

import argparse
import os
import sys
from datetime import UTC, datetime


def add_policies(index, topic, count, start=0):
    from civic_wagtail.bulk import bulk_add_children
    from civic_wagtail.transparency.models import PolicyUpdatePage

    stamp = datetime(2030, 1, 1, tzinfo=UTC)
    pages = []
    for n in range(start, start + count):
        page = PolicyUpdatePage(
            title=f"Policy {n}",
            slug=f"policy-{n}",
            summary="What changes & why: “plain words”.",
            stage="adopted",
            responsible_organisation="City",
            first_published_at=stamp,
            last_published_at=stamp,
        )
        page.topics.set([topic])
        pages.append(page)
    bulk_add_children(index, pages)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--policies", type=int, default=2000)
    parser.add_argument("--responses", type=int, default=10_000)
    args = parser.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path[:0] = [
        os.path.dirname(here),
        os.path.join(os.path.dirname(here), "example_site"),
        here,
    ]
    from harness import measure, report, start_benchmark, timer

    start_benchmark()
    from django.test import Client
    from wagtail.models import Site

    from civic_wagtail.models import Topic
    from tests.transparency.helpers import (
        bulk_responses,
        close,
        consultation,
        consultation_index,
        policy_index,
    )

    site = Site.objects.get(is_default_site=True)
    site.hostname = "localhost"
    site.save()
    home = site.root_page
    topic = Topic.objects.create(name="Permits", slug="permits")
    index = policy_index(home)
    page = consultation(consultation_index(home))
    client = Client()
    feeds = ["/transparency/policy/feed.atom", "/transparency/policy/topics/permits.atom"]

    def get(url):
        return lambda: client.get(url)

    add_policies(index, topic, 20)
    page = close(page)
    bulk_responses(page, 100)
    small = {url: measure(get(url)) for url in [*feeds, page.url]}
    with timer(f"building {args.policies} policies and {args.responses} responses"):
        add_policies(index, topic, args.policies - 20, start=20)
        bulk_responses(page, args.responses - 100, start=100)
    for url in feeds:
        report(
            f"Atom feed {url}",
            "20 policies",
            small[url],
            [(f"{args.policies} policies", measure(get(url)))],
        )
    report(
        "Consultation results page",
        "100 responses",
        small[page.url],
        [(f"{args.responses} responses", measure(get(page.url)))],
    )


if __name__ == "__main__":
    main()
