"""Test helpers for the mentoring app."""

from civic_wagtail.members.models import get_profile
from civic_wagtail.mentoring.models import MentorLanguage, MentorProfile
from tests.factories import member


def make_mentor(username, topics=(), languages=("en",), levels=(), region=None, capacity=2,
                availability="open", years=5, skills="", organisation="", verified=True):
    """A verified member with a mentor profile; taxonomy terms as objects."""
    user = member(username=username, verified=verified)
    profile = get_profile(user)
    profile.organisation = organisation
    profile.save()
    mentor = MentorProfile.objects.create(
        user=user,
        headline=f"{username} helps",
        skills=skills,
        region=region,
        years_of_experience=years,
        capacity=capacity,
        availability=availability,
        contact_email=f"{username}.private@contact.example",
        contact_phone="+1 555 0100",
    )
    mentor.topics.set(topics)
    mentor.government_levels.set(levels)
    MentorLanguage.objects.bulk_create(
        [MentorLanguage(mentor=mentor, code=code) for code in languages]
    )
    return mentor
