"""The core's "when was this page peer reviewed" service, with and without an app that
records reviews (the review app's ``civic_wagtail_peer_reviewed_at`` hook)."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from wagtail import hooks
from wagtail.models import Page

from civic_wagtail import peer_review
from civic_wagtail.review.models import ReviewRecord
from tests.library.helpers import library_index, practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(home_page):
    index = library_index(home_page)
    reviewed, never = practice(index, "Reviewed"), practice(index, "Never reviewed")
    record = ReviewRecord.objects.create(
        page=reviewed,
        reviewed_at=timezone.now() - timedelta(days=3),
        review_due=date(2031, 1, 1),
        reviewer_count=2,
    )
    return index, reviewed, never, record


@pytest.fixture
def no_review_app(monkeypatch):
    """As on a site without the review app: no function answers the hook."""
    monkeypatch.setitem(hooks._hooks, peer_review.HOOK, [])


def test_a_page_loaded_on_its_own_knows_when_it_was_reviewed(
    library, django_assert_num_queries
):
    _index, reviewed, never, record = library
    assert Page.objects.get(pk=reviewed.pk).specific.peer_reviewed_at == record.reviewed_at
    assert Page.objects.get(pk=never.pk).specific.peer_reviewed_at is None
    with django_assert_num_queries(1):
        assert peer_review.reviewed_at_by_page([reviewed.pk, never.pk]) == {
            reviewed.pk: record.reviewed_at
        }
    with django_assert_num_queries(0):
        assert peer_review.reviewed_at_by_page([]) == {}


def test_a_hook_that_declines_leaves_the_answer_to_the_next_one(library):
    _index, reviewed, never, record = library
    with hooks.register_temporarily(peer_review.HOOK, lambda: None, order=-100):
        assert peer_review.is_available()
        only = peer_review.only_reviewed(Page.objects.filter(pk__in=[reviewed.pk, never.pk]))
        assert list(only.values_list("pk", flat=True)) == [reviewed.pk]


def test_without_a_review_app_nothing_is_peer_reviewed(client, library, no_review_app):
    index, reviewed, never, _record = library
    pages = Page.objects.filter(pk__in=[reviewed.pk, never.pk])
    assert not peer_review.is_available()
    assert peer_review.reviewed_at_by_page([reviewed.pk]) == {}
    assert not peer_review.only_reviewed(pages).exists()
    annotated = peer_review.with_reviewed_at(pages).values_list("peer_reviewed_at", flat=True)
    assert list(annotated) == [None, None]
    html = client.get(index.url).content.decode()
    assert "Reviewed" in html and "Peer reviewed <time" not in html
