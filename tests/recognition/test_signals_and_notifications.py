"""Rules from any app's hook run from their watched models' signals, for just the member
concerned, through the background task; a new award notifies its holder."""

import pytest
from django.test import TestCase
from wagtail import hooks

from civic_wagtail.members.models import Notification, NotificationPreference, get_profile
from civic_wagtail.members.notify import kinds
from civic_wagtail.recognition import awarding
from civic_wagtail.recognition.awarding import run_rules
from civic_wagtail.recognition.models import Award
from civic_wagtail.recognition.rules import BadgeRule, Evidence
from tests.factories import member
from tests.library.helpers import library_index

from .helpers import badge, published_case

pytestmark = pytest.mark.django_db


class VerifiedMember(BadgeRule):
    """A rule another app could register: members whose profile is verified."""

    slug = "test_verified"
    label = "Verified"
    watch = ("civic_wagtail_members.MemberProfile",)

    def qualifying(self, user_ids=None):
        from civic_wagtail.members.models import MemberProfile

        profiles = MemberProfile.objects.filter(verification_status="verified")
        if user_ids is not None:
            profiles = profiles.filter(user__in=user_ids)
        return {
            user_id: Evidence("civic_wagtail_members.memberprofile", pk)
            for pk, user_id in profiles.values_list("pk", "user_id")
        }

    def members_for(self, instance):
        return [instance.user_id]


@pytest.fixture
def verified_rule():
    with hooks.register_temporarily("civic_wagtail_badge_rules", lambda: [VerifiedMember()]):
        yield badge("test_verified", name="Verified", slug="verified")


def test_a_rule_from_another_apps_hook_runs_from_its_models_signals(verified_rule, monkeypatch):
    alice = member(username="alice", verified=False, email="alice@example.com")
    bob = member(username="bob", verified=False, email="bob@example.com")
    for user in (alice, bob):
        get_profile(user)
    asked = []
    real = awarding.run_rules
    monkeypatch.setattr(awarding, "run_rules", lambda ids=None: asked.append(ids) or real(ids))
    profile = alice.civic_profile
    profile.verification_status = "verified"
    with TestCase.captureOnCommitCallbacks(execute=True):
        profile.save()
    assert asked == [[alice.pk]]  # just the member concerned, through the task
    award = Award.objects.get(badge=verified_rule)
    assert award.recipient == alice and award.evidence_id == str(profile.pk)
    assert not Award.objects.filter(recipient=bob).exists()
    profile.verification_status = "rejected"
    with TestCase.captureOnCommitCallbacks(execute=True):
        profile.save()
    award.refresh_from_db()
    assert award.is_revoked


def test_without_the_hook_the_model_is_not_watched(monkeypatch):
    asked = []
    monkeypatch.setattr(awarding, "run_rules", lambda ids=None: asked.append(ids))
    user = member(username="carol")
    profile = get_profile(user)
    with TestCase.captureOnCommitCallbacks(execute=True):
        profile.save()
    assert asked == []


def test_a_new_award_notifies_its_holder_once(home_page, verified_member):
    first = badge()
    published_case(library_index(home_page), verified_member, 1)
    assert "recognition.badge" in kinds()
    run_rules()
    award = Award.objects.get(badge=first)
    note = Notification.objects.get(recipient=verified_member, kind="recognition.badge")
    assert note.verb == "You earned the badge “First story”"
    assert note.url == f"/recognition/assertions/{award.uid}/"
    assert note.read_at is None
    Award.objects.all().delete()
    run_rules()  # awarded again (a new row): the same event, no second notification
    assert Notification.objects.filter(kind="recognition.badge").count() == 1


def test_badge_notifications_follow_the_members_preference(home_page, verified_member, mailoutbox):
    badge()
    NotificationPreference.objects.create(
        user=verified_member, kind="recognition.badge", channel="off"
    )
    published_case(library_index(home_page), verified_member, 1)
    run_rules()
    assert Award.objects.filter(recipient=verified_member).exists()
    assert not Notification.objects.filter(recipient=verified_member).exists()


def test_badge_email_when_the_member_asks_for_it(home_page, verified_member, mailoutbox):
    badge()
    NotificationPreference.objects.create(
        user=verified_member, kind="recognition.badge", channel="email"
    )
    with TestCase.captureOnCommitCallbacks(execute=True):
        published_case(library_index(home_page), verified_member, 1)
        run_rules()
    award = Award.objects.get(recipient=verified_member)
    (message,) = [m for m in mailoutbox if "badge" in m.subject]
    assert message.subject == "You earned a badge: First story"
    assert f"/recognition/assertions/{award.uid}/" in message.body
