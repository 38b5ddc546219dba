"""Places up to an event's capacity, then a wait list promoted in order, under a row lock."""

import time

import pytest
from django.test import Client

from civic_wagtail.events import attendance
from civic_wagtail.events.models import EventAttendance
from tests.events.helpers import make_event, make_index
from tests.factories import member
from tests.utils import postgres_only, run_together

REGISTERED, WAITING = "registered", "waiting"


def kinds(page):
    rows = EventAttendance.objects.filter(page=page).order_by("user__username")
    return {row.user.username: row.kind for row in rows}


@pytest.mark.django_db
def test_past_capacity_members_wait_and_are_promoted_in_order(client, home_page):
    page = make_event(make_index(home_page), slug="small", capacity=2)
    ann, bob, cid, dee = (member(username=name) for name in ("ann", "bob", "cid", "dee"))
    url = f"/calendar/attend/{page.pk}/"
    for user in (ann, bob, cid, dee):
        client.force_login(user)
        client.post(url, {"action": "registered"})
    assert kinds(page) == {"ann": REGISTERED, "bob": REGISTERED, "cid": WAITING, "dee": WAITING}
    client.force_login(dee)
    html = client.get(page.url).content.decode()
    assert "you are number 2 on the wait list" in html
    assert client.post(url, {"action": "waiting"}).status_code == 400  # not a member's choice

    client.force_login(bob)
    client.post(url, {"action": "forget"})  # frees a place for the longest waiting
    assert kinds(page) == {"ann": REGISTERED, "cid": REGISTERED, "dee": WAITING}
    client.force_login(dee)
    assert "you are number 1 on the wait list" in client.get(page.url).content.decode()
    attendance.change(ann, page, "following")  # only following from now on: frees a place
    assert kinds(page) == {"ann": "following", "cid": REGISTERED, "dee": REGISTERED}
    attendance.change(ann, page, REGISTERED)  # full again: to the end of the wait list
    assert kinds(page)["ann"] == WAITING


@postgres_only
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_requests_never_exceed_the_places(home_page, monkeypatch):
    page = make_event(make_index(home_page), slug="busy", capacity=3)
    people = [member(username=f"racer{i}") for i in range(8)]
    # Hold each request open between counting the places taken and taking one, so that
    # without the row lock every request would see a free place.
    save = EventAttendance.save

    def slow_save(self, *args, **kwargs):
        time.sleep(0.2)
        return save(self, *args, **kwargs)

    monkeypatch.setattr(EventAttendance, "save", slow_save)

    def attend(user):
        client = Client()
        client.force_login(user)
        return client.post(f"/calendar/attend/{page.pk}/", {"action": "registered"}).status_code

    assert run_together(attend, people) == [302] * len(people)
    assert EventAttendance.objects.filter(page=page, kind=REGISTERED).count() == 3
    assert EventAttendance.objects.filter(page=page, kind=WAITING).count() == 5
