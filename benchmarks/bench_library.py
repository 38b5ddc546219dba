"""Library index and practice page at 10,000 practices, as ratios to a bare Wagtail page.

    PYTHONPATH=$PWD:$PWD/example_site DJANGO_SETTINGS_MODULE=tests.settings \\
        python benchmarks/bench_library.py [--practices 10000] [--cases 300]

Builds a throwaway database with ``civic_wagtail.bulk`` (the demo seeder's path),
then renders each scenario through the test client. The baseline is the demo's home page
(a plain page with an introduction), rendered in the same run.
"""

import argparse
import os
import random
from datetime import date
from decimal import Decimal

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

from benchmarks.harness import measure, report, timer  # noqa: E402


def build(practice_count, case_count):
    from modelsearch.backends import get_search_backends
    from wagtail.models import Locale, Page, Site

    from civic_wagtail.bulk import bulk_add_children
    from civic_wagtail.library.models import (
        BestPracticePage,
        CaseStudyOutcome,
        CaseStudyPage,
        Indicator,
        LibraryIndexPage,
        PracticeOutcome,
    )
    from civic_wagtail.models import Region, Topic
    from home.models import HomePage

    rng = random.Random(7)
    locale = Locale.objects.get_or_create(language_code="en")[0]
    root = Page.get_first_root_node()
    home = HomePage(title="Civic Exchange", slug="bench-home", intro="Welcome.")
    root.add_child(instance=home)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
    )
    library = LibraryIndexPage(title="Library", slug="library")
    home.add_child(instance=library)
    topics = [Topic.objects.create(name=f"Topic {i}", slug=f"topic-{i}", locale=locale)
              for i in range(8)]
    Topic.objects.filter(slug="topic-0").update(slug="permits")
    topics[0].refresh_from_db()
    regions = [Region.objects.create(name=f"Region {i}", slug=f"region-{i}", locale=locale)
               for i in range(12)]
    indicators = [Indicator.objects.create(name=f"Indicator {i}", slug=f"indicator-{i}",
                                           unit="days", direction="lower", locale=locale)
                  for i in range(10)]

    def row(model):
        baseline = Decimal(rng.randint(20, 120))
        return model(indicator=rng.choice(indicators), baseline=baseline,
                     actual=(baseline * Decimal(rng.uniform(0.4, 1.1))).quantize(Decimal("0.1")),
                     period_start=date(2022, 1, 1), period_end=date(2023, 12, 31), locale=locale)

    now = timezone.now()
    practices = []
    for i in range(practice_count):
        page = BestPracticePage(
            title=f"Permit practice {i}" if i % 8 == 0 else f"Practice {i}",
            slug=f"practice-{i}", summary="A practice that worked.", problem="<p>P</p>",
            approach="<p>A</p>", evidence_strength="evaluated",
            first_published_at=now - timezone.timedelta(minutes=i), locale=locale,
        )
        page.topics.set([topics[i % 8]])
        page.regions.set([rng.choice(regions)])
        page.outcomes.add(row(PracticeOutcome))
        practices.append(page)
    with timer(f"{practice_count} practices"):
        bulk_add_children(library, practices)
    cases = []
    for j in range(case_count):
        target = practices[0] if j < case_count // 2 else rng.choice(practices)
        page = CaseStudyPage(
            title=f"Case {j}", slug=f"case-{j}", summary="What happened.", organisation="City",
            place=f"Place {j % 50}", challenge="<p>C</p>", what_was_done="<p>W</p>",
            adapted_from=target if j % 2 else None,
            first_published_at=now - timezone.timedelta(minutes=j), locale=locale,
        )
        page.practices.set([target])
        page.topics.set([topics[0]])
        for _ in range(2):
            page.outcomes.add(row(CaseStudyOutcome))
        cases.append(page)
    with timer(f"{case_count} case studies"):
        bulk_add_children(library, cases)
    with timer("search index"):
        for backend in get_search_backends():
            for model, pages in ((BestPracticePage, practices), (CaseStudyPage, cases)):
                for start in range(0, len(pages), 1000):
                    backend.add_bulk(model, pages[start : start + 1000])
    return home, library, practices[0]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--practices", type=int, default=10_000)
    parser.add_argument("--cases", type=int, default=600,
                        help="case studies; half apply the measured practice")
    args = parser.parse_args()
    setup_test_environment()
    connection.creation.create_test_db(verbosity=0)
    home, library, practice = build(args.practices, args.cases)
    client = Client()

    def get(url):
        def run():
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            if hasattr(response, "streaming_content"):
                b"".join(response.streaming_content)
        return run

    baseline = measure(get(home.url))
    rows = [
        ("library index, newest", measure(get(library.url))),
        ("library index, topic + most adopted",
         measure(get(library.url + "?topic=permits&sort=adopted"))),
        ("library index, recently reviewed", measure(get(library.url + "?sort=reviewed"))),
        ("library index, full-text search", measure(get(library.url + "?q=permit"))),
        (f"practice page ({args.cases // 2} case studies)", measure(get(practice.url))),
        ("site search", measure(get("/hub/search/?q=permit"))),
        ("API case studies listing", measure(get("/hub/api/v2/case-studies/"))),
    ]
    report(f"Library at {args.practices} practices", "bare page (home)", baseline, rows)


if __name__ == "__main__":
    main()
