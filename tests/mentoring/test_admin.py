"""The coordinators' admin area: viewsets grouped under "Mentoring" and the three reports."""

import datetime

import pytest
from django.utils import timezone

from civic_wagtail.mentoring import lifecycle
from civic_wagtail.mentoring.models import Mentorship, Programme
from tests.factories import member

from .helpers import make_mentor

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(mentee):
    programme = Programme.objects.create(
        name="Spring cohort", start_date=datetime.date(2026, 3, 1)
    )
    mentor = make_mentor("mona", capacity=4)
    old = lifecycle.request_mentorship(mentee, mentor, "old request", programme=programme)
    Mentorship.objects.filter(pk=old.pk).update(
        requested_at=timezone.now() - datetime.timedelta(days=30)
    )
    fresh = lifecycle.request_mentorship(member(username="fresh"), mentor, "new request")
    active = lifecycle.request_mentorship(member(username="act"), mentor, "x", programme=programme)
    lifecycle.accept(active, mentor.user)
    lifecycle.start(active, mentor.user)
    done = lifecycle.request_mentorship(member(username="done"), mentor, "x", programme=programme)
    lifecycle.accept(done, mentor.user)
    lifecycle.start(done, mentor.user)
    lifecycle.complete(done, mentor.user)
    return {"old": old, "fresh": fresh, "programme": programme, "mentor": mentor}


def test_menu_groups_everything_under_mentoring(client, coordinator):
    client.force_login(coordinator)
    content = client.get("/admin/").content.decode()
    assert "Mentoring" in content
    for url in ["/admin/civic_wagtail_mentoring_mentors/",
                "/admin/civic_wagtail_mentoring_stale_requests/"]:
        assert url in content


def test_stale_requests_report(client, coordinator, data):
    client.force_login(coordinator)
    response = client.get("/admin/civic_wagtail_mentoring_stale_requests/")
    assert response.status_code == 200
    rows = list(response.context["object_list"])
    assert rows == [data["old"]]
    assert "older than 14 days" in response.content.decode()


def test_utilisation_report(client, coordinator, data):
    client.force_login(coordinator)
    response = client.get("/admin/civic_wagtail_mentoring_utilisation/")
    mentor = next(m for m in response.context["object_list"] if m.pk == data["mentor"].pk)
    assert (mentor.occupied, mentor.capacity, mentor.utilisation) == (1, 4, 25)


def test_cohort_report(client, coordinator, data):
    client.force_login(coordinator)
    response = client.get("/admin/civic_wagtail_mentoring_cohorts/")
    programme = next(iter(response.context["object_list"]))
    assert (programme.requested, programme.active, programme.completed) == (1, 1, 1)


def test_reports_export(client, coordinator, data):
    client.force_login(coordinator)
    response = client.get("/admin/civic_wagtail_mentoring_cohorts/?export=csv")
    assert response.status_code == 200
    assert b"Spring cohort" in b"".join(response.streaming_content)


def test_coordinator_sees_contact_details_in_the_admin(client, coordinator, data):
    client.force_login(coordinator)
    url = f"/admin/civic_wagtail_mentoring_mentors/inspect/{data['mentor'].pk}/"
    assert "mona.private@contact.example" in client.get(url).content.decode()


def test_mentorships_are_read_only_in_the_admin(client, coordinator, data):
    client.force_login(coordinator)
    assert client.get("/admin/civic_wagtail_mentoring_mentorships/").status_code == 200
    edit = f"/admin/civic_wagtail_mentoring_mentorships/edit/{data['old'].pk}/"
    assert client.get(edit).status_code in (302, 403)


@pytest.mark.parametrize(
    "url",
    [
        "/admin/civic_wagtail_mentoring_stale_requests/",
        "/admin/civic_wagtail_mentoring_mentors/",
        "/admin/civic_wagtail_mentoring_feedback/",
    ],
)
def test_other_staff_are_kept_out(client, url, data):
    moderator = member(username="mod", role_names=["moderators"])
    client.force_login(moderator)
    response = client.get(url)
    assert response.status_code in (302, 403)
