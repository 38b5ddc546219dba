"""A reply in a thread with 500 followers against a reply in a thread with none.

    PYTHONPATH=$PWD:$PWD/example_site DJANGO_SETTINGS_MODULE=tests.settings \\
        python benchmarks/bench_notifications.py

The request only queues ONE task (civic_wagtail.discussion.notifications.notify_discussion);
finding the followers and rendering their emails happen in the task worker. The task backend
here keeps queued tasks in memory, as Redis would, so the ratio measures the request alone;
the queued task is then run and its 500 emails counted. Target: ratio <= 1.2.
"""

import os
import random
import sys

import django

sys.path[:0] = [os.getcwd(), os.path.join(os.getcwd(), "example_site")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.core import mail  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from benchmarks.harness import measure, report, timer  # noqa: E402

FOLLOWERS = 500
QUEUED = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def build():
    from django.contrib.auth import get_user_model
    from django_comments_xtd.models import XtdComment
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
    author = member(username="author")
    User = get_user_model()
    followers = User.objects.bulk_create(
        User(username=f"follower{i}", email=f"follower{i}@example.gov") for i in range(FOLLOWERS)
    )
    followers = list(User.objects.filter(username__startswith="follower").order_by("pk"))
    quiet = Thread.objects.create(forum=forum, title="Quiet", body="b", author=author)
    busy = Thread.objects.create(forum=forum, title="Busy", body="b", author=author)
    comments = create_comments(busy, followers, FOLLOWERS, random.Random(1), ["I follow"])
    for comment, user in zip(comments, followers, strict=True):
        comment.user, comment.user_email, comment.followup = user, user.email, True
    XtdComment.objects.bulk_update(comments, ["user", "user_email", "followup"])
    posters = [member(username=f"poster{i}") for i in range(4)]
    return quiet, busy, posters


def main():
    setup_test_environment()
    connection.creation.create_test_db(verbosity=0)
    with timer(f"setup: a thread with {FOLLOWERS} followers"):
        quiet, busy, posters = build()
    from civic_wagtail.discussion.notifications import notify_discussion
    from tests.discussion.helpers import comment_data

    client = Client()
    client.force_login(posters[0])
    counter = iter(range(10**6))

    def reply(thread):
        def post():
            cache.clear()  # the posting rate limit counts in the cache
            response = client.post(
                "/discussion/comments/post/", comment_data(thread, f"Reply {next(counter)}")
            )
            assert response.status_code in (200, 302), response.status_code

        return post

    with override_settings(TASKS=QUEUED):
        from django_tasks import default_task_backend

        baseline = measure(reply(quiet), repeat=9)
        busy_reply = measure(reply(busy), repeat=9)
        queued = [r for r in default_task_backend.results if r.task.name == "notify_discussion"]
    report(
        "Posting a reply (the request; emails are queued as one task)",
        "thread with no followers",
        baseline,
        [(f"thread with {FOLLOWERS} followers", busy_reply)],
    )
    print(f"  ratio target <= 1.2: {busy_reply[0] / baseline[0]:.2f}")
    # Then the worker's side: the last reply's task sends one email per follower.
    mail.outbox = []
    assert settings.TASKS["default"]["BACKEND"].endswith("ImmediateBackend")
    with timer("the fan-out task of one reply, emails sent"):
        told = notify_discussion.call(queued[-1].args[0])
    print(f"  people told: {told}; emails sent: {len(mail.outbox)}")


if __name__ == "__main__":
    main()
