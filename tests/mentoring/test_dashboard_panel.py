"""The "Your mentorships and requests" dashboard panel."""

import pytest

from civic_wagtail.mentoring.dashboard import mentorships_dashboard_panel
from civic_wagtail.mentoring.models import Mentorship
from tests.mentoring.helpers import make_mentor
from tests.utils import panel_cost

pytestmark = pytest.mark.django_db


def test_mentorships_in_constant_queries(mentoring_page, mentee):
    def ask(count, start):
        for n in range(start, start + count):
            Mentorship.objects.create(mentor=make_mentor(f"mentor{n}"), mentee=mentee,
                                      message="Help?")

    ask(1, 0)
    panel_cost(mentorships_dashboard_panel, mentee)
    small, html = panel_cost(mentorships_dashboard_panel, mentee)
    assert "Mentored by" in html
    ask(14, 1)
    large, html = panel_cost(mentorships_dashboard_panel, mentee)
    assert small == large
    assert html.count("<li>") == 10
