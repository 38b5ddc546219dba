"""Follow-up notifications through a real RQ worker on Redis (the production task path).

Runs when ``CIVIC_TEST_RQ_URL`` names a Redis database it may empty (CI starts its own Redis)
and the database is PostgreSQL (the worker is another process: it must see committed rows).
A reply in a thread with 500 followers queues one task; the worker fans it out into 500
deliveries and sends each email once; running the fan-out again sends nothing more. About 20 s
on an idle two-core machine (each delivery is one job).
"""

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection
from django.test import override_settings
from django_comments_xtd.models import XtdComment

from civic_wagtail.discussion.bulk import create_comments
from civic_wagtail.discussion.notifications import notify_discussion
from civic_wagtail.models import SentEmail
from tests.factories import member

from ..discussion.helpers import comment_data

RQ_URL = os.environ.get("CIVIC_TEST_RQ_URL")
FOLLOWERS = 500
ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.skipif(not RQ_URL, reason="set CIVIC_TEST_RQ_URL to a Redis database to empty"),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def rq_queue():
    if connection.vendor != "postgresql":
        pytest.skip("the worker process needs a shared database (PostgreSQL)")
    import django_rq

    with override_settings(
        RQ_QUEUES={"default": {"URL": RQ_URL}},
        TASKS={"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}},
    ):
        queue = django_rq.get_queue("default")
        queue.connection.flushdb()
        yield queue
        queue.connection.flushdb()


def run_worker(email_dir):
    """One burst of a real worker: it runs every queued job, then exits."""
    database = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings_rq",
        "PYTHONPATH": f"{ROOT}:{ROOT / 'example_site'}",
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}"
        f"/{database['NAME']}",
        "CIVIC_TEST_EMAIL_DIR": str(email_dir),
    }
    command = [sys.executable, str(ROOT / "example_site" / "manage.py"), "rqworker", "default",
               "--burst", "--worker-class", "rq.worker.SimpleWorker",
               "--job-class", "django_tasks_rq.Job"]  # fmt: skip
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=900)  # noqa: S603
    print(result.stdout[-3000:], result.stderr[-3000:])  # shown when the test fails
    assert result.returncode == 0, result.stderr[-2000:]


def sent_to(email_dir):
    """Recipients of every email the worker wrote, one entry per email."""
    recipients = []
    for path in email_dir.iterdir():
        for line in path.read_text().splitlines():
            if line.startswith("To: "):
                recipients.append(line[4:])
    return recipients


def test_a_reply_to_500_followers_is_sent_by_the_worker_once_each(
    rq_queue, client, home_page, tmp_path
):
    from civic_wagtail.discussion.models import ForumIndexPage, ForumTopicPage, Thread

    index = home_page.add_child(instance=ForumIndexPage(title="Forums", slug="forum"))
    forum = index.add_child(instance=ForumTopicPage(title="Permits", slug="permits"))
    author = member(username="author")
    User = get_user_model()
    User.objects.bulk_create(
        User(username=f"f{i}", email=f"f{i}@example.gov") for i in range(FOLLOWERS)
    )
    followers = list(User.objects.filter(username__regex=r"^f\d+$").order_by("pk"))
    thread = Thread.objects.create(forum=forum, title="Busy", body="b", author=author)
    comments = create_comments(thread, followers, FOLLOWERS, random.Random(1), ["I follow"])
    for comment, user in zip(comments, followers, strict=True):
        comment.user, comment.user_email, comment.followup = user, user.email, True
    XtdComment.objects.bulk_update(comments, ["user", "user_email", "followup"])

    client.force_login(member(username="poster"))
    rq_queue.empty()  # Wagtail's own tasks of the setup (reference index): not ours to count
    response = client.post("/discussion/comments/post/", comment_data(thread, "News!"))
    assert response.status_code == 302
    ours = [job.func_name for job in rq_queue.jobs if "civic_wagtail" in job.func_name]
    assert ours == ["civic_wagtail.discussion.notifications.notify_discussion"], ours
    assert SentEmail.objects.count() == 0

    run_worker(tmp_path)
    recipients = sent_to(tmp_path)
    expected = {user.email for user in followers} | {author.email}
    assert sorted(recipients) == sorted(expected)  # each follower and the author, once
    assert SentEmail.objects.count() == FOLLOWERS + 1

    # The same fan-out again (a retried task), run here: the worker's markers stop every send.
    reply = XtdComment.objects.get(comment="News!")
    mail.outbox = []
    with override_settings(
        TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    ):
        assert notify_discussion.call(reply.pk) == FOLLOWERS + 1
    assert mail.outbox == [], "nobody is mailed twice"
    assert SentEmail.objects.count() == FOLLOWERS + 1
