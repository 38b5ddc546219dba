"""Rule badges: awarded once, revoked with their evidence, restored, bounded in queries."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import ModelLogEntry

from civic_wagtail.recognition.awarding import run_rules
from civic_wagtail.recognition.models import Award
from tests.factories import member
from tests.library.helpers import library_index

from .helpers import badge, published_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(home_page):
    return library_index(home_page)


def test_awarded_once_revoked_with_evidence_and_restored(library, verified_member):
    first = badge()
    page = published_case(library, verified_member, 1)
    assert run_rules()["awarded"] == 1
    assert run_rules() == {"awarded": 0, "restored": 0, "revoked": 0}
    award = Award.objects.get(badge=first, recipient=verified_member)
    assert award.evidence_id == str(page.pk)
    assert award.evidence_url == page.url
    page.unpublish()
    assert run_rules()["revoked"] == 1
    award.refresh_from_db()
    assert award.is_revoked and award.revocation_reason
    page.save_revision().publish()
    assert run_rules()["restored"] == 1
    assert Award.objects.filter(badge=first).count() == 1


def test_publishing_awards_through_the_background_task(library, verified_member):
    badge()
    with TestCase.captureOnCommitCallbacks(execute=True):
        published_case(library, verified_member, 1)
    assert Award.objects.active().filter(recipient=verified_member).exists()


def test_manual_awards_are_never_revoked_by_rules(library, verified_member):
    first = badge()
    editor = member(username="edith", role_names=["editors"])
    Award.objects.create(badge=first, recipient=verified_member, granted_by=editor, reason="x")
    assert run_rules()["revoked"] == 0
    assert Award.objects.active().count() == 1


def test_nightly_command(library, verified_member, capsys):
    badge()
    published_case(library, verified_member, 1)
    call_command("award_badges")
    assert "Awarded 1, restored 0, revoked 0." in capsys.readouterr().out


def test_queries_do_not_grow_with_members(library):
    badge()
    badge("ten_peer_reviews", name="Reviewer")
    badge("ten_helpful_replies", name="Helpful")
    badge("three_mentorships", name="Mentor")
    badge("practice_adopted_3", name="Adopted")

    def cost(start, count):
        for n in range(start, start + count):
            published_case(library, member(username=f"author{n}"), n)
        with CaptureQueriesContext(connection) as ctx:
            run_rules()
        return len(ctx.captured_queries)

    from civic_wagtail.members.models import Notification

    def forget():  # awards and their notifications: each run awards and notifies afresh
        Award.objects.all().delete()
        Notification.objects.all().delete()

    cost(0, 2)  # warms the per-process caches (content types, site root paths)
    forget()
    small = cost(2, 0)
    forget()
    large = cost(2, 12)
    assert Award.objects.count() == 14
    assert Notification.objects.filter(kind="recognition.badge").count() == 14
    assert small == large


def test_editor_grants_a_badge_with_a_reason_in_the_audit_log(client, verified_member):
    from django.contrib.auth import get_user_model

    manual = badge(rule="", slug="thanks", name="Thanks")
    admin = get_user_model().objects.create_superuser("boss", "boss@example.gov", "pw")
    client.force_login(admin)
    response = client.post(
        "/admin/snippets/civic_wagtail_recognition/award/add/",
        {"badge": manual.pk, "recipient": verified_member.pk, "reason": "Ran the clinic"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    award = Award.objects.get(badge=manual)
    assert award.granted_by == admin
    entry = ModelLogEntry.objects.get(action="civic_wagtail_recognition.granted")
    assert entry.user_id == admin.pk and entry.data["reason"] == "Ran the clinic"
