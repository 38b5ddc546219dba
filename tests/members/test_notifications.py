"""In-site notifications: the notify API, preferences, the list, the header count, digests."""

import pytest
from django.core import mail as outbox
from django.core.management import call_command
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail import hooks

from civic_wagtail.members.digest import send_digests
from civic_wagtail.members.models import Notification, NotificationPreference
from civic_wagtail.members.notify import Email, Kind, notify, notify_many, unread_count
from tests.factories import member

pytestmark = pytest.mark.django_db

EMAIL = Email("civic_wagtail/members/email/test", {})


@pytest.fixture(autouse=True)
def _test_kind():
    with hooks.register_temporarily(
        "civic_wagtail_notification_kinds", lambda: [Kind("test.kind", "Tests")]
    ):
        yield


@pytest.fixture
def email_templates(settings, tmp_path):
    folder = tmp_path / "civic_wagtail" / "members" / "email"
    folder.mkdir(parents=True)
    (folder / "test_subject.txt").write_text("Something happened")
    (folder / "test_body.txt").write_text("To {{ recipient.username }}: it's here.")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [str(tmp_path), *settings.TEMPLATES[0]["DIRS"]]}
    ]


def send(user, key=None, **kwargs):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return notify(
            user, "test.kind", "Ana replied", url="/forum/t/1/#c3", email=EMAIL, key=key, **kwargs
        )


@pytest.mark.parametrize(
    ("channel", "stored", "mailed", "in_digest"),
    [
        ("email", True, True, False),
        ("site", True, False, False),
        ("digest", True, False, True),
        ("off", False, False, False),
    ],
)
def test_each_channel(email_templates, verified_member, channel, stored, mailed, in_digest):
    NotificationPreference.objects.create(user=verified_member, kind="test.kind", channel=channel)
    result = send(verified_member)
    assert (result is not None) is stored
    assert Notification.objects.filter(recipient=verified_member).exists() is stored
    assert bool(outbox.outbox) is mailed
    if stored:
        assert result.in_digest is in_digest
        assert result.verb == "Ana replied"


def test_default_is_site_and_email_and_a_key_notifies_once(email_templates, verified_member):
    send(verified_member, key="test:1")
    send(verified_member, key="test:1")
    assert Notification.objects.filter(recipient=verified_member).count() == 1
    assert len(outbox.outbox) == 1
    assert outbox.outbox[0].body.strip() == "To vera: it's here."


def test_an_address_only_gets_the_email(email_templates):
    send("someone@example.com")
    assert not Notification.objects.exists()
    assert outbox.outbox[0].to == ["someone@example.com"]


def test_notify_many_costs_the_same_for_many_recipients(email_templates):
    few = [member(username=f"few{i}") for i in range(2)]
    many = [member(username=f"many{i}") for i in range(20)]
    counts = []
    for users in (few, many):
        with CaptureQueriesContext(connection) as ctx:
            notify_many(users, "test.kind", "Hello", key=f"k{len(users)}")
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1]
    assert Notification.objects.count() == 22


def test_unread_count_is_cached_and_refreshed(
    email_templates, verified_member, django_assert_num_queries
):
    assert unread_count(verified_member) == 0
    send(verified_member)
    with django_assert_num_queries(1):
        assert unread_count(verified_member) == 1
    with django_assert_num_queries(0):
        assert unread_count(verified_member) == 1


def test_list_open_and_mark_all_read(client, home_page, email_templates, verified_member):
    first = send(verified_member, key="a")
    send(verified_member, key="b")
    client.force_login(verified_member)
    html = client.get("/members/notifications/").content.decode()
    assert "2 unread notifications" in html
    assert 'data-unread="2"' in html  # the header badge
    response = client.get(f"/members/notifications/{first.pk}/")
    assert response.status_code == 302
    assert response["Location"] == "/forum/t/1/#c3"
    first.refresh_from_db()
    assert first.read_at is not None
    assert client.get("/members/notifications/read/").status_code == 405
    client.post("/members/notifications/read/")
    assert not Notification.objects.unread().exists()
    assert "data-unread=" not in client.get("/members/notifications/").content.decode()


def test_nobody_opens_anothers_notification_and_urls_stay_on_the_site(
    client, email_templates, verified_member
):
    other = member(username="otto")
    theirs = send(other)
    client.force_login(verified_member)
    assert client.get(f"/members/notifications/{theirs.pk}/").status_code == 404
    mine = Notification.objects.create(
        recipient=verified_member, kind="x", verb="v", url="//evil.example/"
    )
    response = client.get(f"/members/notifications/{mine.pk}/")
    assert response["Location"] == "/members/notifications/"


def test_list_costs_the_same_for_many_notifications(client, home_page, verified_member):
    client.force_login(verified_member)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/members/notifications/").status_code == 200
        return len(ctx.captured_queries)

    Notification.objects.bulk_create(
        Notification(recipient=verified_member, kind="x", verb=f"v{i}") for i in range(2)
    )
    count()
    small = count()
    Notification.objects.bulk_create(
        Notification(recipient=verified_member, kind="x", verb=f"w{i}") for i in range(60)
    )
    assert count() == small


def test_preferences_page(client, home_page, verified_member):
    client.force_login(verified_member)
    html = client.get("/members/notifications/settings/").content.decode()
    assert "Tests" in html
    response = client.post("/members/notifications/settings/", {"test.kind": "digest"})
    assert response.status_code == 302
    assert (
        NotificationPreference.objects.get(user=verified_member, kind="test.kind").channel
        == "digest"
    )
    response = client.post("/members/notifications/settings/", {"test.kind": "sometimes"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()


def test_daily_digest_mails_once(email_templates, verified_member, home_page):
    NotificationPreference.objects.create(user=verified_member, kind="test.kind", channel="digest")
    send(verified_member, key="d1")
    send(verified_member, key="d2")
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("send_notification_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(outbox.outbox) == 1
    body = outbox.outbox[0].body
    assert "Ana replied" in body and "http://localhost/forum/t/1/#c3" in body
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert send_digests.call() == 0
    assert len(outbox.outbox) == 1
