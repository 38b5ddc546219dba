"""The group page, the group list and a group thread cost the same number of queries
whatever the number of members, threads, files, events and experiments."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.documents import get_document_model

from civic_wagtail.discussion.models import Thread
from civic_wagtail.groups import space
from civic_wagtail.groups.models import (
    Activity,
    Experiment,
    GroupEvent,
    GroupFile,
    Membership,
    WorkingGroup,
)

from .conftest import make_group


def fill(group, size, tag):
    """``size`` of everything in ``group``, in bulk."""
    User = get_user_model()
    users = User.objects.bulk_create(
        [User(username=f"{tag}{n}", email=f"{tag}{n}@city.example.gov") for n in range(size)]
    )
    now = timezone.now()
    Membership.objects.bulk_create(
        [Membership(group=group, user=u, status="active", joined_at=now) for u in users]
    )
    forum = space.forum_for(group, None)
    owner = ContentType.objects.get_for_model(WorkingGroup)
    Thread.objects.bulk_create(
        [
            Thread(
                forum=forum,
                title=f"T{n}",
                body="b",
                author=users[n],
                last_poster=users[n],
                owner_type=owner,
                owner_id=str(group.pk),
            )
            for n in range(size)
        ]
    )
    collection = space.ensure_collection(group)
    Document = get_document_model()
    documents = Document.objects.bulk_create(
        [
            Document(title=f"D{n}", file=f"documents/d{n}.txt", collection=collection)
            for n in range(size)
        ]
    )
    GroupFile.objects.bulk_create(
        [GroupFile(group=group, document=d, uploaded_by=users[0]) for d in documents]
    )
    start = now + datetime.timedelta(days=1)
    GroupEvent.objects.bulk_create(
        [
            GroupEvent(group=group, title=f"E{n}", start=start, end=start, created_by=users[0])
            for n in range(size)
        ]
    )
    Activity.objects.bulk_create(
        [Activity(group=group, actor=users[n], verb="joined") for n in range(size)]
    )
    Experiment.objects.bulk_create(
        [
            Experiment(
                group=group,
                what=f"X{n}",
                where="here",
                started_on=now.date(),
                result="failed",
                why="because",
                author=users[n],
            )
            for n in range(size)
        ]
    )
    group.member_count = size + 1
    group.save()


def count(client, url):
    client.get(url)  # warm Wagtail's caches (site root paths)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.django_db
def test_group_page_list_and_thread_are_constant(client, groups_page, forum, people):
    lead = people["lead"]
    small = make_group(lead, "Small", "members")
    large = make_group(lead, "Large", "members")
    fill(small, 2, "s")
    fill(large, 40, "l")
    for n in range(30):
        make_group(lead, f"Other {n}", "public")
    client.force_login(lead)
    assert count(client, "/groups/small/") == count(client, "/groups/large/")
    for path in ("threads/", "files/", "events/", "pilot/", "members/"):
        assert count(client, f"/groups/small/{path}") == count(client, f"/groups/large/{path}")
    small_thread = Thread.objects.owned_by(small).first()
    large_thread = Thread.objects.owned_by(large).first()
    assert count(client, small_thread.get_url()) == count(client, large_thread.get_url())


@pytest.mark.django_db
def test_group_list_is_constant(client, groups_page, people):
    lead = people["lead"]
    make_group(lead, "First", "public")
    client.force_login(lead)
    few = count(client, "/groups/")
    for n in range(25):
        make_group(
            lead, f"Group {n}", ["public", "members", "secret"][n % 3], joining="invitation"
        )
    assert count(client, "/groups/") == few


@pytest.mark.django_db
@override_settings(CIVIC_WAGTAIL_EVENTS_FEED_CACHE_SECONDS=0)  # render every full response
def test_personal_feed_with_group_events_is_constant(client, groups_page, people):
    from civic_wagtail.events.models import CalendarToken

    user = people["member"]
    url = f"/calendar/member/{CalendarToken.for_user(user).token}.ics"
    group = make_group(people["lead"], "First", "members", joining="open")
    Membership.objects.create(group=group, user=user, status="active")
    start = timezone.now() + datetime.timedelta(days=2)
    GroupEvent.objects.create(group=group, title="Call", start=start, end=start)
    few = count(client, url)
    for n in range(8):
        other = make_group(people["lead"], f"G{n}", "secret", joining="invitation")
        Membership.objects.create(group=other, user=user, status="active")
        GroupEvent.objects.bulk_create(
            [GroupEvent(group=other, title=f"E{k}", start=start, end=start) for k in range(5)]
        )
    assert count(client, url) == few
    assert client.get(url).content.decode().count("BEGIN:VEVENT") == 41
