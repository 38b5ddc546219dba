import pytest

from civic_wagtail.groups.dashboard import groups_panel
from civic_wagtail.groups.models import Invitation
from tests.utils import panel_cost

from .conftest import add_member, make_group

pytestmark = pytest.mark.django_db


def test_groups_panel_in_constant_queries(groups_page, people):
    user = people["member"]
    assert groups_panel_for(user) is None
    add_member(make_group(people["lead"], "First", "public"), user)
    panel_cost(groups_panel, user)
    small, html = panel_cost(groups_panel, user)
    assert "/groups/first/" in html
    for n in range(12):
        add_member(make_group(people["lead"], f"Group {n}", "secret", joining="invitation"), user)
    Invitation.objects.create(
        group=make_group(people["lead"], "Later", "secret", joining="invitation"), email=user.email
    )
    large, html = panel_cost(groups_panel, user)
    assert small == large
    assert "Invitation to Later" in html


def groups_panel_for(user):
    from django.test import RequestFactory

    request = RequestFactory().get("/members/me/")
    request.user = user
    return groups_panel(request)
