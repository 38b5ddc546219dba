"""Measure, don't assert: time a scenario against a baseline run in the same process.

A benchmark reports ratios (scenario time / baseline time), which stay meaningful across
machines, and never fails on a wall-clock number. Run with ``make bench``.
"""

import statistics
import time
from contextlib import contextmanager

from django.db import connection
from django.test.utils import CaptureQueriesContext


def start_benchmark():
    """Set Django up on the test settings and create a fresh test database for the run."""
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    django.setup()
    from django.test.utils import setup_test_environment

    setup_test_environment()
    connection.creation.create_test_db(verbosity=0)


def measure(func, repeat=5, warmup=1):
    """Median wall time of ``func()`` in seconds, and the queries of its last run."""
    for _ in range(warmup):
        func()
    times = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            func()
            times.append(time.perf_counter() - start)
    return statistics.median(times), len(queries.captured_queries)


def report(title, baseline_name, baseline, rows):
    """Print a table: each row's median time, its ratio to the baseline, its query count.

    ``baseline`` and each row value are ``(seconds, queries)`` pairs from :func:`measure`.
    """
    base_time, base_queries = baseline
    print(f"\n{title}")
    print(f"  {'scenario':<48} {'median ms':>10} {'ratio':>8} {'queries':>8}")
    print(f"  {baseline_name:<48} {base_time * 1000:>10.2f} {1:>8.2f} {base_queries:>8}")
    for name, (seconds, queries) in rows:
        print(f"  {name:<48} {seconds * 1000:>10.2f} {seconds / base_time:>8.2f} {queries:>8}")


@contextmanager
def timer(label):
    start = time.perf_counter()
    yield
    print(f"  ({label}: {time.perf_counter() - start:.1f}s)")
