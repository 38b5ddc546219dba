"""Signed in but outside a page's groups: a 403 page, never a redirect loop via the login."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, PageViewRestriction

from civic_wagtail import roles
from tests.library.helpers import practice


@pytest.fixture
def editors_only_page(world, db):
    library = Page.objects.get(url_path__endswith="/library/").specific
    page = practice(library, title="Editors practice", slug="editors-practice")
    page.save_revision().publish()
    restriction = PageViewRestriction.objects.create(page=page, restriction_type="groups")
    restriction.groups.set(Group.objects.filter(name=roles.group_name(roles.EDITORS)))
    return "/library/editors-practice/"


@pytest.mark.parametrize(("role", "status"), [("anon", 302), ("verified", 403), ("editor", 200)])
def test_a_page_for_another_group_refuses_a_signed_in_member(
    world, editors_only_page, role, status
):
    response = world.clients[role].get(editors_only_page)
    assert response.status_code == status
    if role == "anon":
        assert response["Location"].startswith("/accounts/login/")


def test_a_pending_member_is_told_why_a_members_page_stays_closed(world, db):
    response = world.clients["pending"].get("/library/members-practice/")
    assert response.status_code == 403
    assert b"verified members only" in response.content
