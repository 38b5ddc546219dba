"""Peer review visible in the library: the card mark, the filter, the sort, search results."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from civic_wagtail.review.models import ReviewRecord
from tests.library.helpers import case_study, library_index, practice

pytestmark = pytest.mark.django_db


def reviewed(page, days_ago):
    return ReviewRecord.objects.create(
        page=page, reviewed_at=timezone.now() - timedelta(days=days_ago),
        review_due=date(2031, 1, 1), reviewer_count=2,
    )


@pytest.fixture
def library(home_page):
    index = library_index(home_page)
    old, recent = practice(index, "Old review"), practice(index, "Recent review")
    reviewed(old, 300)
    reviewed(recent, 2)
    practice(index, "Never reviewed")
    case_study(index, [recent], title="Reviewed case")
    reviewed(index.get_children().get(title="Reviewed case"), 10)
    return index


def titles(response):
    return [card.title for card in response.context["cards"]]


def test_cards_carry_the_mark_with_the_date(client, library):
    response = client.get(library.url)
    html = response.content.decode()
    assert html.count("Peer reviewed <time") == 3
    recent = (timezone.now() - timedelta(days=2)).date().isoformat()
    assert f'<time datetime="{recent}">' in html
    marks = {card.title: card.peer_reviewed_at for card in response.context["cards"]}
    assert marks["Never reviewed"] is None and marks["Old review"] is not None


def test_filter_peer_reviewed_only_and_sort_recently_reviewed(client, library):
    assert set(titles(client.get(library.url, {"reviewed": "on"}))) == {
        "Old review", "Recent review", "Reviewed case"}
    assert titles(client.get(library.url, {"sort": "reviewed"})) == [
        "Recent review", "Reviewed case", "Old review", "Never reviewed"]
    assert titles(client.get(library.url, {"reviewed": "on", "type": "practice",
                                           "sort": "reviewed"})) == ["Recent review",
                                                                    "Old review"]


def test_search_results_carry_the_mark(client, library, index_updates):
    for page in library.get_children().specific():
        page.save_revision().publish()
    html = client.get("/search/", {"q": "review"}).content.decode()
    # The site search marks the words searched for, in titles as in the rest of the card.
    assert "Old <mark>review</mark>" in html and "Recent <mark>review</mark>" in html
    assert html.count('class="cw-badge cw-badge--reviewed"') == 3  # and the case study
    assert client.get(library.url, {"q": "review", "reviewed": "on"}).status_code == 200
