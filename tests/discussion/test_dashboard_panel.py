"""The "Threads you follow with new replies" dashboard panel."""

from datetime import timedelta

import pytest
from django.utils import timezone

from civic_wagtail.discussion.dashboard import threads_dashboard_panel
from civic_wagtail.discussion.models import Thread
from tests.factories import member
from tests.utils import panel_cost

pytestmark = pytest.mark.django_db


def _threads(forum, author, other, count, start):
    now = timezone.now()
    Thread.objects.bulk_create(
        Thread(forum=forum, title=f"T{start + n}", body="b", author=author, reply_count=1,
               last_poster=other, created_at=now - timedelta(hours=1), last_activity_at=now)
        for n in range(count)
    )


def test_lists_only_new_replies_by_others_in_constant_queries(forum, verified_member):
    other = member(username="otto")
    _threads(forum, verified_member, other, 1, 0)
    Thread.objects.create(forum=forum, title="Quiet", body="b", author=verified_member)
    Thread.objects.create(forum=forum, title="Mine last", body="b", author=verified_member,
                          reply_count=2, last_poster=verified_member)
    panel_cost(threads_dashboard_panel, verified_member)  # warm caches
    small, html = panel_cost(threads_dashboard_panel, verified_member)
    assert "T0" in html and "Quiet" not in html and "Mine last" not in html
    _threads(forum, verified_member, other, 40, 1)
    large, html = panel_cost(threads_dashboard_panel, verified_member)
    assert small == large
    assert html.count("<li>") == 10
