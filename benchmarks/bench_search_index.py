"""What publishing one page costs as the search index grows, on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cw_bench \\
    PYTHONPATH=$PWD:$PWD/example_site DJANGO_SETTINGS_MODULE=tests.settings \\
        python benchmarks/bench_search_index.py [--sizes 100 1000 10000]

Builds a throwaway database with the package's bulk builder and fills the search index with
``add_bulk`` up to each size, then publishes one more practice (``save_revision().publish()``
with search auto-update on, as in production) with Wagtail's database backend and with
``civic_wagtail.search_index``. Ratios are to Wagtail's backend at the smallest size: a cost
that does not grow with the index stays near 1.
"""

import argparse
import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
django.setup()

from django.db import connection  # noqa: E402
from django.test import override_settings  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

from benchmarks.harness import measure, report, timer  # noqa: E402

BACKENDS = {
    "Wagtail's database backend": "wagtail.search.backends.database",
    "civic_wagtail.search_index": "civic_wagtail.search_index",
}


def practice(i, prefix="Practice"):
    from civic_wagtail.library.models import BestPracticePage

    return BestPracticePage(
        title=f"{prefix} {i}: online permits for every {'small ' * (i % 5)}business",
        slug=f"{prefix.lower()}-{i}".replace(" ", "-"),
        summary="How one city tracks permit applications online.",
        problem="<p>Slow permits.</p>",
        approach="<p>Track them online.</p>",
        first_published_at=timezone.now(),
    )


def grow(library, size):
    """Bulk-add practices until ``size`` are in the index."""
    from modelsearch.backends import get_search_backend
    from wagtail.search.models import IndexEntry

    from civic_wagtail.bulk import bulk_add_children
    from civic_wagtail.library.models import BestPracticePage

    have = BestPracticePage.objects.count()
    pages = bulk_add_children(library, [practice(i) for i in range(have, size)])
    backend = get_search_backend("default")
    for start in range(0, len(pages), 1000):
        backend.add_bulk(BestPracticePage, pages[start : start + 1000])
    return IndexEntry.objects.count()


def publisher(library, backend, size):
    counter = iter(range(10**6))
    settings = {"default": {"BACKEND": backend, "AUTO_UPDATE": True}}
    prefix = f"new-{size}-" + backend.replace(".", "-").replace("_", "-")

    def publish():
        page = practice(next(counter), prefix=prefix)
        with override_settings(WAGTAILSEARCH_BACKENDS=settings):
            library.add_child(instance=page)
            page.save_revision().publish()

    return publish


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10_000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("bench_search_index measures PostgreSQL: set DATABASE_URL=postgres://...")
    setup_test_environment()
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    from wagtail.models import Page, Site

    from civic_wagtail.library.models import LibraryIndexPage

    root = Page.get_first_root_node()
    home = Site.objects.get(is_default_site=True).root_page
    library = home.add_child(instance=LibraryIndexPage(title="Library", slug="library"))
    assert root is not None
    rows, baseline = [], None
    for size in args.sizes:
        with timer(f"index grown to {size} practices"):
            entries = grow(library, size)
        for name, backend in BACKENDS.items():
            result = measure(publisher(library, backend, size), repeat=args.repeat)
            baseline = baseline or result
            rows.append((f"{name}, {entries} entries", result))
            print(f"  {rows[-1][0]}: {result[0] * 1000:.1f} ms, {result[1]} queries", flush=True)
    report(
        "Publishing one practice (search auto-update on), by index size",
        f"(baseline: {rows[0][0]})",
        baseline,
        rows,
    )


if __name__ == "__main__":
    main()
