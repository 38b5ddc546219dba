"""A 1,000-comment thread page against a 10-comment one, in the same run.

    PYTHONPATH=$PWD:$PWD/example_site DJANGO_SETTINGS_MODULE=tests.settings \\
        python benchmarks/bench_discussion.py

Pages show 20 top-level comments with their replies, so the long thread's page should cost
about what a short thread's does: same queries, time within a small factor.
"""

import os
import random
import sys

import django

sys.path[:0] = [os.getcwd(), os.path.join(os.getcwd(), "example_site")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from benchmarks.harness import measure, report, timer  # noqa: E402

COMMENT_MARKER = '<li class="cw-comment'
TEXTS = [
    "We tried this in our city and **it worked**: see [the report](https://example.org).",
    "> quoted point\n\nAgreed, with one caveat about procurement.",
    "Could you share the template?\n\n- step one\n- step two",
]


def build():
    from wagtail.models import Locale, Page, Site

    from civic_wagtail.discussion.bulk import create_comments
    from civic_wagtail.discussion.models import ForumIndexPage, ForumTopicPage, Thread
    from home.models import HomePage
    from tests.factories import member

    locale, _ = Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    for old in root.get_children().filter(slug="home"):
        old.slug = f"welcome-{old.pk}"
        old.save()
    home = root.add_child(instance=HomePage(title="Home", slug="home"))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    index = home.add_child(instance=ForumIndexPage(title="Forums", slug="forum"))
    forum = index.add_child(instance=ForumTopicPage(title="Permits", slug="permits"))
    users = [member(username=f"bench{i}") for i in range(20)]
    threads = {}
    for n in (10, 1000, 5000):
        thread = Thread.objects.create(forum=forum, title=f"{n}", body="b", author=users[0])
        create_comments(thread, users, n, random.Random(n), TEXTS)
        threads[n] = thread
    return threads, users


def main():
    setup_test_environment()
    connection.creation.create_test_db(verbosity=0)
    with timer("setup: 6,010 comments with bulk inserts"):
        threads, users = build()
    client = Client()

    def page(n, query=""):
        return lambda: client.get(threads[n].get_url() + query)

    baseline = measure(page(10))
    rows = [
        ("1,000 comments, page 1", measure(page(1000))),
        ("1,000 comments, page 5", measure(page(1000, "?page=5"))),
        ("5,000 comments, page 1", measure(page(5000))),
    ]
    report(
        "Thread page as a visitor (20 top-level comments per page)", "10 comments", baseline, rows
    )
    # Time follows the comments shown on the page (20 top-level ones and their replies),
    # not the size of the thread.
    for label, n, query in [("10", 10, ""), ("1,000", 1000, ""), ("5,000", 5000, "")]:
        html = client.get(threads[n].get_url() + query).content.decode()
        shown = html.count(COMMENT_MARKER)
        print(f"  comments rendered on page 1 of the {label}-comment thread: {shown}")
    client.force_login(users[1])
    baseline = measure(page(10))
    rows = [("1,000 comments, page 1", measure(page(1000)))]
    report("Thread page as a member (likes, reports, reply form)", "10 comments", baseline, rows)


if __name__ == "__main__":
    main()
