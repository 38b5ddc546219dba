"""The "Reviews waiting for you" panel of the member's dashboard (admin links, absolute)."""

import pytest
from wagtail.models import Page

from civic_wagtail.review.dashboard import reviews_dashboard_panel
from tests.utils import panel_cost

pytestmark = pytest.mark.django_db


def test_reviewer_sees_rounds_with_admin_links_in_constant_queries(site):
    def submit(count, start):
        for n in range(start, start + count):
            page = Page(title=f"Draft {n}", slug=f"draft-{n}", live=False, owner=site.author)
            site.home.add_child(instance=page)
            page.save_revision(user=site.author)
            site.submit(page)

    reviewer = site.reviewers[0]
    submit(1, 0)
    panel_cost(reviews_dashboard_panel, reviewer)
    small, html = panel_cost(reviews_dashboard_panel, reviewer)
    assert "Draft 0" in html and 'href="http://testserver/admin/pages/' in html
    submit(12, 1)
    large, html = panel_cost(reviews_dashboard_panel, reviewer)
    assert small == large
    assert html.count("<li>") == 10


def test_members_who_review_nothing_get_no_panel(site, verified_member):
    assert panel_cost(reviews_dashboard_panel, verified_member)[1] == ""
