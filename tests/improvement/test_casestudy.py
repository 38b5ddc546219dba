"""An adoption tracker becomes a case-study draft through the core drafts API, and the
practice's adoption summary counts trackers still measuring."""

import pytest
from django.test import Client
from wagtail import hooks

from civic_wagtail import adoption, drafts
from civic_wagtail.improvement.models import AdoptionTracker, Measurement, TrackerIndicator

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted():
    """Stands in for the library's implementation of ``civic_wagtail_submit_draft``."""
    calls = []

    def submit(draft, *, user, site=None, locale=None):
        calls.append((draft, user))
        return type("Page", (), {"pk": None, "title": draft.title})()

    with hooks.register_temporarily(drafts.HOOK, submit):
        yield calls


def tracker_for(owner, practice=None, status="measuring", place="Lyon, France"):
    tracker = AdoptionTracker.objects.create(
        user=owner,
        title="Plain letters",
        organisation="Lyon council",
        place=place,
        practice=practice,
        what_was_done="Rewrote letters",
        status=status,
    )
    indicator = TrackerIndicator.objects.create(
        tracker=tracker, name="Calls", unit="calls", baseline=400, target=250
    )
    return tracker, indicator


def test_tracker_becomes_a_case_study_draft(improvement_page, owner, submitted):
    tracker, indicator = tracker_for(owner, practice=improvement_page)
    client = Client()
    client.force_login(owner)
    response = client.post(
        f"/improvement/trackers/{tracker.pk}/case-study/", {"what_was_done": "W", "lessons": "L"}
    )
    assert response.status_code == 400  # no measurement yet
    assert "Record at least one measurement" in response.content.decode()
    client.post(
        f"/improvement/trackers/{tracker.pk}/measure/",
        {"indicator": indicator.pk, "date": "2026-03-01", "value": "300"},
    )
    client.post(
        f"/improvement/trackers/{tracker.pk}/measure/",
        {"indicator": indicator.pk, "date": "2026-05-01", "value": "260"},
    )
    assert Measurement.objects.count() == 2
    response = client.post(
        f"/improvement/trackers/{tracker.pk}/case-study/",
        {"what_was_done": "Rewrote 40 letters", "lessons": "Test early"},
    )
    assert response.status_code == 302
    [(draft, user)] = submitted
    assert user == owner
    assert draft.kind == drafts.CASE_STUDY and draft.practice_id == improvement_page.pk
    assert draft.place == "Lyon, France" and draft.lessons == "Test early"
    [outcome] = draft.outcomes
    assert (outcome.indicator, outcome.baseline, outcome.target, outcome.actual) == (
        "Calls",
        400,
        250,
        260,
    )
    tracker.refresh_from_db()
    assert tracker.status == "submitted"
    # Submitted once only.
    response = client.post(f"/improvement/trackers/{tracker.pk}/case-study/", {})
    assert response.status_code == 400
    assert len(submitted) == 1


def test_without_the_library_the_member_is_told(improvement_page, owner):
    tracker, indicator = tracker_for(owner)
    Measurement.objects.create(indicator=indicator, value=1)
    client = Client()
    client.force_login(owner)
    with _no_drafts():
        response = client.post(f"/improvement/trackers/{tracker.pk}/case-study/", {})
    assert response.status_code == 400
    tracker.refresh_from_db()
    assert tracker.status == "measuring"


class _no_drafts:  # noqa: N801
    def __enter__(self):
        from wagtail.hooks import _hooks

        self.saved = _hooks.get(drafts.HOOK, [])
        _hooks[drafts.HOOK] = []

    def __exit__(self, *exc):
        from wagtail.hooks import _hooks

        _hooks[drafts.HOOK] = self.saved


def test_adoptions_count_measuring_and_finished_trackers(owner, home_page):
    tracker_for(owner, practice=home_page)
    tracker_for(owner, practice=home_page, place="Leeds, UK")
    tracker_for(owner, practice=home_page, place="Austin, US", status="done")
    tracker_for(owner, practice=home_page, place="Oslo, Norway", status="submitted")
    summary = adoption.adoption_summary(home_page.pk)
    assert summary.measuring_count == 2
    assert "Austin, US" in summary.places
    assert "Oslo, Norway" not in summary.places  # the case study counts instead
