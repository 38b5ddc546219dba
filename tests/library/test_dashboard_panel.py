"""The "Your submissions" dashboard panel."""

import pytest

from civic_wagtail.library.dashboard import submissions_dashboard_panel
from tests.library.helpers import case_study, library_index
from tests.utils import panel_cost

pytestmark = pytest.mark.django_db


def test_submissions_and_their_state_in_constant_queries(home_page, verified_member):
    library = library_index(home_page)
    for n in range(2):
        case_study(library, title=f"Case {n}", slug=f"case-{n}", owner=verified_member)
    panel_cost(submissions_dashboard_panel, verified_member)
    small, html = panel_cost(submissions_dashboard_panel, verified_member)
    assert "Case 0" in html
    for n in range(2, 25):
        case_study(library, title=f"Case {n}", slug=f"case-{n}", owner=verified_member)
    large, html = panel_cost(submissions_dashboard_panel, verified_member)
    assert small == large
    assert html.count("<li>") == 10 and "All your case studies" in html
