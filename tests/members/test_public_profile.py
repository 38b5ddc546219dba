"""A member's public profile lists what they contributed, within their privacy settings."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from civic_wagtail.members.models import get_profile
from civic_wagtail.recognition.models import Award
from tests.library.helpers import case_study, library_index, practice
from tests.recognition.helpers import badge

pytestmark = pytest.mark.django_db


def _adopt(library, tracker, places, start):
    for n in range(start, start + places):
        case_study(library, [tracker], place=f"Town {n}", title=f"Adoption {n}",
                   slug=f"adoption-{n}")


def test_contributions_shown_and_hidden_with_constant_cost(client, home_page, verified_member):
    library = library_index(home_page)
    tracker = practice(library, title="Permit tracker", slug="tracker", owner=verified_member)
    tracker.save_revision().publish()
    case_study(library, title="Our story", slug="our-story", owner=verified_member,
               place="Lyon")
    _adopt(library, tracker, 2, 0)
    Award.objects.create(badge=badge(), recipient=verified_member)
    profile = get_profile(verified_member)
    url = f"/members/{profile.pk}/"

    def view():
        with CaptureQueriesContext(connection) as ctx:
            html = client.get(url).content.decode()
        return len(ctx.captured_queries), html

    view()
    small, html = view()
    assert "Permit tracker" in html and "Our story" in html
    assert "Adopted in: Town 0, Town 1" in html and "First story" in html
    _adopt(library, tracker, 30, 2)
    large, html = view()
    assert small == large
    profile.public_fields = ["organisation"]
    profile.save()
    _, html = view()
    assert "Permit tracker" not in html and "First story" not in html
