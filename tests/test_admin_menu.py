"""The package's admin screens sit under one menu entry, not loose at the top level."""

import pytest
from django.test import RequestFactory
from wagtail.admin.menu import admin_menu

from tests.factories import UserFactory, member

pytestmark = pytest.mark.django_db

CIVIC_ITEMS = {
    "Taxonomy", "Indicators", "Peer review", "Moderation", "Posting blocks", "Mentoring",
    "Members", "Organisations", "API tokens", "Consultation responses",
}


def menu_for(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return admin_menu.menu_items_for_request(request)


def labels(items):
    return {str(item.label) for item in items}


def test_the_civic_items_are_grouped_under_one_menu():
    items = menu_for(UserFactory(is_superuser=True, is_staff=True))
    assert not labels(items) & CIVIC_ITEMS
    (civic,) = [item for item in items if item.name == "civic-wagtail"]
    assert labels(civic.menu.menu_items_for_request(_request(civic))) == CIVIC_ITEMS


def _request(_item):
    request = RequestFactory().get("/admin/")
    request.user = UserFactory(is_superuser=True, is_staff=True)
    return request


def test_a_moderator_sees_only_their_screens_in_the_group():
    moderator = member(username="mo", role_names=["moderators"])
    items = menu_for(moderator)
    (civic,) = [item for item in items if item.name == "civic-wagtail"]
    request = RequestFactory().get("/admin/")
    request.user = moderator
    assert {"Moderation", "Members"} <= labels(civic.menu.menu_items_for_request(request))
    assert "Mentoring" not in labels(civic.menu.menu_items_for_request(request))
