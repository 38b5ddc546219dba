"""The "Your mentorships" panel on a member's own profile (``civic_wagtail_profile_panels``)."""

from civic_wagtail.members.models import is_verified_member
from civic_wagtail.sections import section_page

from .models import MentorProfile, Mentorship
from .pages import MentoringPage


def profile_panel_context(request, profile):
    """Context for the panel, or None when the site has no live mentoring page to link to.

    Shown only to the profile's owner: the list says who mentors whom, which is private.
    """
    user = request.user if request is not None else None
    if user is None or not user.is_authenticated or user.pk != profile.user_id:
        return None
    page = section_page(request, MentoringPage)
    if page is None:
        return None
    mentorships = (
        Mentorship.objects.filter(mentee=user) | Mentorship.objects.filter(mentor__user=user)
    ).select_related("mentor__user__civic_profile", "mentee__civic_profile")
    return {
        "mentorships": mentorships,
        "base": (page.get_url(request) or "/").rstrip("/") + "/",
        "is_mentor": MentorProfile.objects.filter(user=user).exists(),
        "is_verified": is_verified_member(user),
        "request": request,
    }
