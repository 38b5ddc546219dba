"""A site behind a frontend cache (Varnish, a CDN): a new comment purges its thread's URL."""

import pytest
from django.test import override_settings
from wagtail.contrib.frontend_cache.backends import BaseBackend

from tests.factories import member

from .helpers import post_comment

pytestmark = pytest.mark.django_db

PURGED = []


class RecordingBackend(BaseBackend):
    """A frontend cache that writes down what it was asked to purge."""

    def purge(self, url):
        PURGED.append(url)


def test_a_new_comment_purges_the_thread_from_the_frontend_cache(client, thread):
    PURGED.clear()
    backend = {"recorder": {"BACKEND": f"{__name__}.RecordingBackend"}}
    with override_settings(WAGTAILFRONTENDCACHE=backend, WAGTAILFRONTENDCACHE_LANGUAGES=[]):
        client.force_login(member(username="rhea"))
        post_comment(client, thread, "Fresh news")
    assert set(PURGED) == {thread.get_full_url()}
