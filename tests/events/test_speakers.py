"""Speakers chosen by editors: on the event page, and "Events they spoke at" on each
speaker's public profile (within their privacy settings, at a constant cost)."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from civic_wagtail.members.models import get_profile
from tests.events.helpers import make_event, make_index
from tests.factories import member

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return make_index(home_page)


def spoken_at(index, speakers, n, **fields):
    page = make_event(index, title=f"Clinic {n}", slug=f"clinic-{n}", publish=False, **fields)
    page.speakers.set(speakers)
    page.save_revision().publish()
    return page


def test_event_page_names_its_speakers(client, index, verified_member):
    profile = get_profile(verified_member)
    profile.display_name = "Vera Lind"
    profile.save()
    gone = member(username="gone")
    gone.is_active = False
    gone.save()
    page = spoken_at(index, [verified_member, gone], 1)
    html = client.get(page.url).content.decode()
    assert "Speaker</dt>" in html
    assert f'<a href="/members/{profile.pk}/">Vera Lind</a>' in html
    assert f"/members/{get_profile(gone).pk}/" not in html


def test_public_profile_lists_events_they_spoke_at(client, index, verified_member):
    profile = get_profile(verified_member)
    url = f"/members/{profile.pk}/"
    spoken_at(index, [verified_member], 1, start_date=date(2030, 1, 2), end_date=date(2030, 1, 2))
    draft = make_event(index, title="Draft talk", slug="draft", publish=False)
    draft.speakers.set([verified_member])
    draft.save_revision()
    make_event(index, title="Someone else's", slug="other")

    def view():
        with CaptureQueriesContext(connection) as ctx:
            html = client.get(url).content.decode()
        return len(ctx.captured_queries), html

    view()
    small, html = view()
    assert "Events they spoke at" in html and "Clinic 1" in html
    assert "Draft talk" not in html and "Someone else" not in html
    for n in range(2, 12):
        spoken_at(index, [verified_member], n)
    large, html = view()
    assert small == large
    assert html.index("Clinic 11") < html.index("Clinic 1<")  # the latest first
    profile.public_fields = ["organisation"]
    profile.save()
    _, html = view()
    assert "Events they spoke at" not in html and "Clinic 1" not in html


def test_speakers_are_editable_in_the_admin(client, index, verified_member):
    from django.contrib.auth import get_user_model

    page = make_event(index, title="Clinic", slug="clinic")
    admin = get_user_model().objects.create_superuser("boss", "boss@example.gov", "pw")
    client.force_login(admin)
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert 'name="speakers"' in html and "vera" in html
