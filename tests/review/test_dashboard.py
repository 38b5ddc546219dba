"""The "reviews waiting for you" dashboard panel and Wagtail's moderation listing."""

import pytest
from wagtail.models import TaskState

from civic_wagtail.review.decisions import waiting_for

pytestmark = pytest.mark.django_db


def dashboard(site, user):
    site.client.force_login(user)
    response = site.client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def test_reviewer_sees_what_waits_for_them(submitted):
    reviewer = submitted.reviewers[0]
    html = dashboard(submitted, reviewer)
    assert "Reviews waiting for you" in html
    assert "Permits in a day" in html
    assert "0 of 2" in html
    submitted.approve(reviewer)
    html = dashboard(submitted, reviewer)
    assert "Nothing is waiting for your review." in html


def test_author_and_conflicted_reviewers_see_nothing(submitted):
    from civic_wagtail import roles

    submitted.author.groups.add(roles.get_group(roles.REVIEWERS))
    assert not waiting_for(submitted.author).exists()
    reviewer = submitted.reviewers[1]
    submitted.act(reviewer, "declare_conflict", {"details": "My team wrote it."})
    assert not waiting_for(reviewer).exists()
    assert waiting_for(submitted.moderator).count() == 1
    assert not waiting_for(submitted.editor).exists()


def test_panel_is_only_for_reviewers_and_moderators(submitted):
    assert "Reviews waiting for you" not in dashboard(submitted, submitted.editor)
    assert "Reviews waiting for you" in dashboard(submitted, submitted.moderator)


def test_wagtails_moderation_listing_includes_peer_reviews(submitted):
    states = TaskState.objects.reviewable_by(submitted.reviewers[0])
    assert states.count() == 1


@pytest.mark.parametrize("pages", [1, 6])
def test_waiting_for_is_one_query(site, pages, django_assert_num_queries):
    from wagtail.models import Page

    for n in range(pages):
        page = Page(title=f"Draft {n}", slug=f"draft-{n}", live=False, owner=site.author)
        site.home.add_child(instance=page)
        page.save_revision(user=site.author)
        site.submit(page)
    reviewer = site.reviewers[0]
    from django.test import RequestFactory

    from civic_wagtail.review.views import ReviewsWaitingPanel

    request = RequestFactory().get("/admin/")
    request.user = reviewer
    panel = ReviewsWaitingPanel(request)
    with django_assert_num_queries(2):  # the moderator role check, then the rounds
        items = panel.get_context_data({})["items"]
    assert len(items) == pages
