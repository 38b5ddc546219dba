import pytest

from civic_wagtail.members.verification import domain_is_allowed

PATTERNS = ["*.gov", "*.gc.ca", "council.example.org"]


@pytest.mark.parametrize(
    ("email", "allowed"),
    [
        ("ana@city.gov", True),
        ("ana@dept.state.gov", True),
        ("ANA@City.GOV", True),
        ("ana@tbs-sct.gc.ca", True),
        ("ana@council.example.org", True),
        ("ana@gov", False),  # the bare suffix is not a sub-domain
        ("ana@city.gov.example.com", False),
        ("ana@evilgov", False),
        ("ana@sub.council.example.org", False),  # exact domains match exactly
        ("not-an-address", False),
        ("", False),
        (None, False),
    ],
)
def test_domain_allow_list(email, allowed):
    assert domain_is_allowed(email, PATTERNS) is allowed


def test_verifying_updates_the_users_cached_profile(db):
    from civic_wagtail.members.models import get_profile, is_verified_member
    from civic_wagtail.members.verification import verify_by_email
    from tests.factories import UserFactory

    user = UserFactory(email="kim@works.city.gov")
    assert not get_profile(user).is_verified  # caches the pending profile on the user
    assert verify_by_email(user, user.email)
    assert is_verified_member(user)


def test_a_coordinators_decision_is_notified_in_site_and_by_email(db, mailoutbox):
    from django.contrib.auth import get_user_model
    from django.test import TestCase

    from civic_wagtail.members.models import MemberProfile, Notification, get_profile
    from civic_wagtail.members.verification import set_status
    from tests.factories import member

    pending = member(username="penny", verified=False, email="penny@example.com")
    boss = get_user_model().objects.create_superuser("boss", "boss@example.gov", "pw")
    with TestCase.captureOnCommitCallbacks(execute=True):
        set_status(get_profile(pending), MemberProfile.Verification.VERIFIED, by=boss)
    note = Notification.objects.get(recipient=pending, kind="members.verification")
    assert note.verb == "Your membership is verified" and note.url == "/members/profile/"
    assert [m.subject for m in mailoutbox if m.to == ["penny@example.com"]] == [
        "Your membership is verified"
    ]
