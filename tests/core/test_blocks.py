"""Core of the home-page blocks: collection per installed app, the cache and its purge."""

import pytest
from django.contrib.sites.models import Site as DjangoSite
from django.core.cache import cache
from django_comments_xtd.models import XtdComment

from civic_wagtail.blocks import generation, home_page_blocks, search_url
from civic_wagtail.discussion.models import Thread
from civic_wagtail.library.blocks import LatestPracticesBlock
from tests.discussion.helpers import make_forum
from tests.factories import TopicFactory, member

pytestmark = pytest.mark.django_db


def test_every_installed_app_offers_its_blocks_search_first():
    names = [name for name, _block in home_page_blocks()]
    assert names[0] == "search"
    assert sorted(names[1:]) == [
        "active_discussions", "available_mentors", "latest_practices", "newest_case_studies",
        "upcoming_events",
    ]


def test_search_box_goes_to_the_site_search():
    assert search_url() in ("/search/", "/hub/search/")


def cached_fragments():
    return [key for key in cache._cache if "template.cache.civic_wagtail_block" in key]


def test_previews_are_never_cached_live_views_are(rf, home_page):
    block = LatestPracticesBlock()
    value = block.to_python({"heading": "", "count": 3})
    preview = rf.get("/")
    preview.is_preview = True
    block.render(value, context={"request": preview})
    assert cached_fragments() == []
    block.render(value, context={"request": rf.get("/")})
    assert len(cached_fragments()) == 1


def test_a_new_comment_purges_the_discussion_blocks(home_page):
    _index, forum = make_forum(home_page, TopicFactory(slug="permits"))
    author = member(username="author")
    thread = Thread.objects.create(forum=forum, title="T", body="b", author=author)
    before = generation("discussion")
    XtdComment.objects.create(
        content_object=thread, site=DjangoSite.objects.get_current(), user=author,
        comment="A reply",
    )
    assert generation("discussion") != before
    library_before = generation("library")
    assert generation("library") == library_before  # others are left alone


def test_private_and_draft_pages_stay_out_of_the_blocks(rf, home_page):
    from datetime import date

    from django.utils import timezone
    from wagtail.models import PageViewRestriction

    from civic_wagtail.review.models import ReviewRecord
    from tests.library.helpers import library_index, practice

    library = library_index(home_page)
    shown, private, draft = (practice(library, title) for title in ("Shown", "Private", "Draft"))
    for page in (shown, private, draft):
        ReviewRecord.objects.create(page=page, reviewed_at=timezone.now(),
                                    review_due=date(2031, 1, 1), reviewer_count=2)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    draft.unpublish()
    block = LatestPracticesBlock()
    items = block.get_items(block.to_python({"heading": "", "count": 5}), rf.get("/"))
    assert [page.title for page in items] == ["Shown"]
