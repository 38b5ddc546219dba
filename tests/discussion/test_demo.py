"""The demo seeder: forums per topic, a 1,000+ comment thread, idempotent."""

import pytest
from django.core.management import call_command

from civic_wagtail.discussion.models import ForumTopicPage, Thread
from civic_wagtail.models import Topic

pytestmark = pytest.mark.django_db


def test_seed_demo_builds_forums_and_is_idempotent():
    call_command("seed_demo", comments=1000, no_progress=True)
    assert ForumTopicPage.objects.count() == Topic.objects.count() > 0
    longest = Thread.objects.order_by("-reply_count").first()
    assert longest.reply_count == 1000
    assert longest.forum.url_path.endswith("/forum/permits/")
    threads = Thread.objects.count()
    call_command("seed_demo", comments=1000, no_progress=True)
    assert Thread.objects.count() == threads
    assert Thread.objects.filter(status=Thread.Status.HELD).exists()
