"""The "Events you attend" dashboard panel."""

import pytest

from civic_wagtail.events.dashboard import events_dashboard_panel
from civic_wagtail.events.models import EventAttendance
from tests.events.helpers import bulk_events, make_event, make_index
from tests.utils import panel_cost

pytestmark = pytest.mark.django_db


def test_upcoming_events_and_feed_in_constant_queries(home_page, verified_member):
    index = make_index(home_page)
    EventAttendance.objects.create(user=verified_member, page=make_event(index), kind="registered")
    panel_cost(events_dashboard_panel, verified_member)
    small, html = panel_cost(events_dashboard_panel, verified_member)
    assert "Permit clinic" in html and "webcal://" in html
    for page in bulk_events(index, 30):
        EventAttendance.objects.create(user=verified_member, page=page, kind="registered")
    large, html = panel_cost(events_dashboard_panel, verified_member)
    assert small == large
    assert html.count("<li>") == 10
