"""The "Adapted from" link on a practice (live origins only, in the reader's language), the
peer-review date of a page read on its own, and "recently reviewed" on a site without the
review app, where Wagtail's own approved workflows give the order."""

from datetime import date, timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.hooks import _hooks
from wagtail.models import Locale, Page, Workflow, WorkflowState

from civic_wagtail import peer_review
from civic_wagtail.library.models import BestPracticePage
from civic_wagtail.review.models import ReviewRecord
from tests.library.helpers import library_index, practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(home_page):
    index = library_index(home_page)
    index.save_revision().publish()
    return index


def _live(page):
    page.save_revision().publish()
    return BestPracticePage.objects.get(pk=page.pk)


def test_a_practice_links_the_live_practice_it_was_adapted_from(client, library):
    origin = _live(practice(library, "Permit tracker"))
    adapted = _live(practice(library, "Licence tracker", adapted_from=origin))
    html = client.get(adapted.url).content.decode()
    assert f'Adapted from <a href="{origin.url}">Permit tracker</a>' in html
    assert origin.localized_adapted_from is None  # an original adapts nothing
    origin.unpublish()
    html = client.get(adapted.url).content.decode()
    assert "Adapted from" not in html  # never a link to a page readers cannot open


def test_the_adapted_from_link_follows_the_readers_language(client, library):
    origin = _live(practice(library, "Permit tracker"))
    adapted = _live(practice(library, "Licence tracker", adapted_from=origin))
    french = Locale.objects.create(language_code="fr")
    origin_fr = origin.copy_for_translation(french, copy_parents=True)
    origin_fr.title = "Suivi des permis"
    origin_fr.save_revision().publish()
    adapted_fr = adapted.copy_for_translation(french)
    adapted_fr.save_revision().publish()
    adapted_fr = BestPracticePage.objects.get(pk=adapted_fr.pk)
    assert adapted_fr.localized_adapted_from.pk == origin_fr.pk
    html = client.get(adapted_fr.url).content.decode()
    assert f'<a href="{origin_fr.url}">Suivi des permis</a>' in html


def test_a_page_read_on_its_own_knows_its_latest_peer_review(library):
    page = _live(practice(library, "Permit tracker"))
    assert page.peer_reviewed_at is None
    when = timezone.now() - timedelta(days=5)
    ReviewRecord.objects.create(
        page=page, reviewed_at=when, review_due=date(2031, 1, 1), reviewer_count=2
    )
    assert BestPracticePage.objects.get(pk=page.pk).peer_reviewed_at == when
    assert BestPracticePage(title="Unsaved").peer_reviewed_at is None


def _approved(page, workflow, days_ago):
    state = WorkflowState.objects.create(
        base_content_type=ContentType.objects.get_for_model(Page),
        content_type=ContentType.objects.get_for_model(page),
        object_id=str(page.pk),
        workflow=workflow,
        status=WorkflowState.STATUS_APPROVED,
    )
    WorkflowState.objects.filter(pk=state.pk).update(
        created_at=timezone.now() - timedelta(days=days_ago)
    )


def test_without_a_review_app_recently_reviewed_means_last_approved_workflow(
    client, library, monkeypatch
):
    monkeypatch.setitem(_hooks, peer_review.HOOK, [])
    assert not peer_review.is_available()
    old, recent = practice(library, "Old approval"), practice(library, "Recent approval")
    never = practice(library, "Never approved")
    workflow = Workflow.objects.create(name="Moderation")
    _approved(old, workflow, 300)
    _approved(recent, workflow, 3)
    WorkflowState.objects.create(
        base_content_type=ContentType.objects.get_for_model(Page),
        content_type=ContentType.objects.get_for_model(never),
        object_id=str(never.pk),
        workflow=workflow,
        status=WorkflowState.STATUS_CANCELLED,
    )
    response = client.get(library.url, {"sort": "reviewed"})
    titles = [card.title for card in response.context["cards"]]
    assert titles == ["Recent approval", "Old approval", "Never approved"]
    assert "Peer reviewed" not in response.content.decode()
