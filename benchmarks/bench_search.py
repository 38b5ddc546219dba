"""The site search at 10,000 practices on PostgreSQL, against a bare Wagtail page render.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cw_bench \\
    PYTHONPATH=$PWD:$PWD/example_site DJANGO_SETTINGS_MODULE=tests.settings \\
        python benchmarks/bench_search.py [--size 10000]

Builds a throwaway database: 10,000 practices with the package's bulk builder, indexed with
``add_bulk`` through ``civic_wagtail.search_index`` with an English text-search configuration
(as the production settings do). Then, in one run, it times the demo's home page with no
content (the baseline: a bare Wagtail page render through the same middleware and base
template) and ``/search/`` for a common word, a rare word, a word with a typo ("did you
mean") and one type's second page. Target: every search at most 5x the bare render.
"""

import argparse
import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
django.setup()

from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

from benchmarks.harness import measure, report, timer  # noqa: E402

BACKENDS = {
    "default": {
        "BACKEND": "civic_wagtail.search_backend",
        "SEARCH_CONFIGS": {"en": "english"},
        "SEARCH_CONFIG": "english",
        "AUTO_UPDATE": False,
    }
}
WORDS = ["permits", "waste", "housing", "transport", "libraries", "licences", "parks", "water"]


def practice(i):
    from civic_wagtail.library.models import BestPracticePage

    word = WORDS[i % len(WORDS)]
    return BestPracticePage(
        title=f"Practice {i}: online {word} for every {'small ' * (i % 5)}business",
        slug=f"practice-{i}",
        summary=f"How one city tracks {word} applications online (case {i}).",
        problem=f"<p>Slow {word}: residents waited months.</p>",
        approach="<p>Track every application online and publish the queue.</p>",
        first_published_at=timezone.now(),
    )


def build(size):
    from modelsearch.backends import get_search_backend
    from wagtail.models import Locale, Page, Site

    from civic_wagtail.bulk import bulk_add_children
    from civic_wagtail.library.models import BestPracticePage, LibraryIndexPage
    from home.models import HomePage

    root = Page.get_first_root_node()
    home = root.add_child(
        instance=HomePage(title="Home", slug="bench-home", locale=Locale.get_default())
    )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Bench"},
    )
    library = home.add_child(instance=LibraryIndexPage(title="Library", slug="library"))
    backend = get_search_backend("default")
    for start in range(0, size, 1000):
        pages = bulk_add_children(
            library, [practice(i) for i in range(start, min(start + 1000, size))]
        )
        backend.add_bulk(BestPracticePage, pages)


def getter(client, url):
    def get():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

    return get


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("bench_search measures PostgreSQL: set DATABASE_URL=postgres://...")
    setup_test_environment()
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    with override_settings(WAGTAILSEARCH_BACKENDS=BACKENDS, ALLOWED_HOSTS=["*"]):
        with timer(f"{args.size} practices built and indexed"):
            build(args.size)
        client = Client()
        baseline = measure(getter(client, "/"), repeat=args.repeat)
        scenarios = [
            ("/search/?q=permit (1 in 8 practices match)", "/search/?q=permit"),
            ("/search/?q=permit&type=practices&page=2",
             "/search/?q=permit&type=civic_wagtail_library.bestpracticepage&page=2"),
            ("/search/?q=case 4242 (a rare pair of words)", "/search/?q=case+4242"),
            ("/search/?q=permt (nothing: did you mean)", "/search/?q=permt"),
        ]
        rows = []
        for name, url in scenarios:
            rows.append((name, measure(getter(client, url), repeat=args.repeat)))
            print(f"  {name}: {rows[-1][1][0] * 1000:.1f} ms", flush=True)
    report(
        f"Site search at {args.size} practices (PostgreSQL), against a bare page render",
        "bare Wagtail page render (/)",
        baseline,
        rows,
    )


if __name__ == "__main__":
    main()
