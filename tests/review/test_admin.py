"""Admin listings of review records and decisions: who sees them, what they cost."""

import pytest
from django.urls import reverse

from civic_wagtail.review.models import ReviewDecision, ReviewRecord

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewed(submitted):
    first, second, _third = submitted.reviewers
    submitted.approve(first)
    submitted.approve(second)
    return submitted


def index(name):
    return reverse(f"civic_wagtail_review_{name}:index")


def test_moderators_see_records_and_decisions(reviewed, client):
    client.force_login(reviewed.moderator)
    response = client.get(index("records"))
    assert response.status_code == 200
    assert "Permits in a day" in response.content.decode()
    response = client.get(index("decisions"))
    assert response.status_code == 200
    assert "Approved" in response.content.decode()


def test_records_cannot_be_added_by_hand(reviewed, client):
    client.force_login(reviewed.moderator)
    response = client.get(reverse("civic_wagtail_review_records:add"))
    assert response.status_code == 302  # Wagtail's "permission denied" redirect
    assert ReviewRecord.objects.count() == 1


def test_members_do_not_see_them(reviewed, client):
    client.force_login(reviewed.reviewers[0])
    assert client.get(index("records")).status_code == 302


@pytest.mark.parametrize("extra", [0, 6])
def test_listing_queries_do_not_grow(reviewed, client, extra, django_assert_num_queries):
    record = ReviewRecord.objects.get()
    decision = ReviewDecision.objects.first()
    for _ in range(extra):
        record.pk = None
        record.task_state = None
        record.save()
        decision.pk = None
        decision.revision = None
        decision.save()
    client.force_login(reviewed.moderator)
    # The admin's menu costs two of these: the transparency app's items ask whether the user
    # may edit a project (the data upload) and see consultation responses.
    for name, queries in (("records", 13), ("decisions", 13)):
        client.get(index(name))
        with django_assert_num_queries(queries):
            assert client.get(index(name)).status_code == 200
