"""Badge rules over 1,000, 10,000 and 100,000 contributions.

    PYTHONPATH=$PWD:$PWD/example_site DJANGO_SETTINGS_MODULE=tests.settings \
        python benchmarks/bench_recognition.py [--contributions 100000]

Contributions are "This helped me" marks on replies (the rule "ten replies marked helpful")
spread over 2,000 members. Every seed rule runs (the others find nothing to award here, but
their queries are counted). Reports :func:`run_rules`'s median time as a ratio to the run at
1,000 contributions and its query count, which must not grow with the number of
contributions or of members awarded.
"""

import argparse
import os
import random
import statistics
import sys
import time

sys.path[:0] = [os.getcwd(), os.path.join(os.getcwd(), "example_site")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

from benchmarks.harness import measure, report, start_benchmark, timer  # noqa: E402

start_benchmark()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from wagtail.models import Locale  # noqa: E402

from civic_wagtail.members.models import Notification  # noqa: E402
from civic_wagtail.recognition.awarding import run_rules  # noqa: E402
from civic_wagtail.recognition.models import Award, Badge, Kudos  # noqa: E402
from civic_wagtail.recognition.rules import SEED_RULES  # noqa: E402

MEMBERS = 2000


def make_badges():
    locale = Locale.get_default()
    for rule in SEED_RULES:
        Badge.objects.create(name=rule.slug, slug=rule.slug.replace("_", "-"), description="d",
                             criteria="c", rule=rule.slug, locale=locale)


def make_members():
    User = get_user_model()
    return list(User.objects.bulk_create(
        [User(username=f"m{i}", email=f"m{i}@x.example.gov") for i in range(MEMBERS)],
        batch_size=1000,
    ))


def add_kudos(count, start, users, rng):
    """``count`` kudos on replies, four per reply. The replies added for a size of ``s``
    contributions are by the first ``s / 50`` members, about a dozen each, so every size has
    ten times the winners of the one before (20, 200, 2,000)."""
    comment_type = ContentType.objects.get_by_natural_key("django_comments_xtd", "xtdcomment")
    authors = max(1, (start + count) // 50)
    rows = []
    for n in range(start, start + count):
        reply = n // 4
        rows.append(Kudos(giver=users[(n * 31) % MEMBERS], recipient=users[reply % authors],
                          content_type=comment_type, object_id=str(reply)))
    Kudos.objects.bulk_create(rows, batch_size=5000, ignore_conflicts=True)


def first_runs(repeat=3):
    """Median time and queries of :func:`run_rules` awarding everyone from scratch and
    notifying each new holder (the awards and notifications are deleted before each run,
    outside the measurement)."""
    times, queries = [], 0
    for _ in range(repeat):
        Award.objects.all()._raw_delete(Award.objects.db)
        # Each new holder is notified once per event: forget those too, so every run notifies.
        Notification.objects.all()._raw_delete(Notification.objects.db)
        reset_queries()  # the query log holds 9,000 entries: count from an empty one
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            run_rules()
            times.append(time.perf_counter() - start)
        queries = len(captured.captured_queries)
    return statistics.median(times), queries


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--contributions", type=int, default=100_000)
    args = parser.parse_args()
    rng = random.Random(7)
    make_badges()
    users = make_members()
    sizes = [size for size in (1_000, 10_000, 100_000) if size <= args.contributions]
    results, done = {}, 0
    for size in sizes:
        with timer(f"{size} contributions built"):
            add_kudos(size - done, done, users, rng)
            done = size

        results[size] = first_runs()
        awarded = Award.objects.count()
        print(f"  {size:>7} contributions: {awarded} badges awarded")
        # The second run (nothing to change) is the nightly steady state.
        reset_queries()
        results[f"{size} again"] = measure(run_rules, repeat=3)
    base = results[sizes[0]]
    report(
        "Badge rules over many contributions (run_rules, every seed rule)",
        f"{sizes[0]:,} contributions, first run",
        base,
        [(f"{key:,} contributions, first run" if isinstance(key, int)
          else f"{key.split()[0]:>} contributions, nothing to change", value)
         for key, value in results.items() if key != sizes[0]],
    )


if __name__ == "__main__":
    main()
