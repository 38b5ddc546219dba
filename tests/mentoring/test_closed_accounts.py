"""A deactivated account loses its mentoring object permissions, as a deleted one does."""

import pytest

from civic_wagtail.mentoring import privacy
from civic_wagtail.mentoring.models import (
    MentorProfileUserObjectPermission,
    Mentorship,
    MentorshipUserObjectPermission,
)
from tests.factories import member

from .helpers import make_mentor

pytestmark = pytest.mark.django_db


def test_deactivating_the_mentee_revokes_what_the_mentorship_granted():
    mentor = make_mentor("maria")
    mentee = member(username="mo")
    mentorship = Mentorship.objects.create(mentor=mentor, mentee=mentee, status="active")
    privacy.grant(mentorship)
    assert MentorshipUserObjectPermission.objects.filter(user=mentee).exists()
    mentee.is_active = False
    mentee.save()
    assert not MentorshipUserObjectPermission.objects.filter(user=mentee).exists()
    assert not MentorProfileUserObjectPermission.objects.filter(user=mentee).exists()
    mentee.is_active = True
    mentee.save()  # reactivated: nothing comes back by itself
    assert not privacy.PrivacyChecker(mentee).can_see_contact(mentor)
    assert MentorshipUserObjectPermission.objects.filter(user=mentor.user).exists()
