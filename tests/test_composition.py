"""The apps together: a practice page with every panel other apps attach to it.

Each app pins its own cost (tests/library/test_comparison.py pins the practice page with the
library's panels only; review and discussion pin their panels). This is the one test of the
composition: the full page, with the review record and the comment thread, costs a fixed
number of queries.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail import hooks

from tests.library.helpers import IndicatorFactory, case_study, library_index, practice
from tests.library.test_comparison import PRACTICE_PAGE_QUERIES

pytestmark = pytest.mark.django_db

#: The library's own cost plus the review record's and the comment thread's panels, and
#: recognition's "This helped me" (one count for an anonymous visitor), and improvement's
#: competencies and tracker link (the tags, the content type, the improvement page: 4).
FULL_PRACTICE_PAGE_QUERIES = 36


def test_the_full_practice_page_with_every_panel(client, home_page):
    panels = [fn.__module__ for fn in hooks.get_hooks("civic_wagtail_page_panels")]
    assert any(module.startswith("civic_wagtail.review") for module in panels)
    assert any(module.startswith("civic_wagtail.discussion") for module in panels)
    library = library_index(home_page)
    indicator = IndicatorFactory()
    tracker = practice(library)
    for _ in range(3):
        case_study(library, [tracker], [(indicator, 10, 8)])
    client.get(tracker.url)
    with CaptureQueriesContext(connection) as full:
        response = client.get(tracker.url)
    html = response.content.decode()
    assert 'id="discussion"' in html
    assert len(full.captured_queries) == FULL_PRACTICE_PAGE_QUERIES
    assert FULL_PRACTICE_PAGE_QUERIES > PRACTICE_PAGE_QUERIES
