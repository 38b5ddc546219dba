"""Replies posted at the same moment to one comment each get their own position in the thread."""

import threading
import time

import pytest
from django.db import connection
from django.test import Client
from django_comments_xtd.models import XtdComment

from civic_wagtail.discussion.models import Thread
from tests.factories import member
from tests.utils import postgres_only

from .helpers import post_comment

pytestmark = [postgres_only, pytest.mark.postgres]

REPLIERS = 4


@pytest.mark.django_db(transaction=True)
def test_parallel_replies_get_distinct_positions(forum, verified_member, monkeypatch):
    thread = Thread.objects.create(
        forum=forum, title="Busy thread", body="b", author=verified_member
    )
    client = Client()
    client.force_login(verified_member)
    assert post_comment(client, thread, "Question").status_code == 302
    root = XtdComment.objects.get()
    # Hold each reply open between reading the thread's last position and writing its own, so
    # that without the row lock every reply would take the same one.
    calculate = XtdComment._calculate_thread_data

    def slow_calculate(self):
        calculate(self)
        time.sleep(0.3)

    monkeypatch.setattr(XtdComment, "_calculate_thread_data", slow_calculate)
    repliers = [member(username=f"replier{i}") for i in range(REPLIERS)]
    barrier = threading.Barrier(REPLIERS)
    statuses = []

    def reply(user):
        try:
            client = Client()
            client.force_login(user)
            barrier.wait(timeout=30)
            statuses.append(post_comment(client, thread, f"Reply by {user}", reply_to=root.pk))
        finally:
            connection.close()

    workers = [threading.Thread(target=reply, args=(user,)) for user in repliers]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)

    assert [response.status_code for response in statuses] == [302] * REPLIERS
    positions = list(XtdComment.objects.filter(thread_id=root.pk).values_list("order", flat=True))
    assert sorted(positions) == list(range(1, REPLIERS + 2))
    root.refresh_from_db()
    assert root.nested_count == REPLIERS
    thread.refresh_from_db()
    assert thread.reply_count == REPLIERS + 1
