"""Mentorships a member completed as a mentor, counted on their public profile
(``civic_wagtail_public_profile_panels``; never who was mentored). One query."""

from django.template.loader import render_to_string

from .models import Mentorship


def mentorships_panel(request, profile):
    if not profile.shows("contributions"):
        return None
    count = Mentorship.objects.filter(
        mentor__user_id=profile.user_id, status=Mentorship.Status.COMPLETED
    ).count()
    if not count:
        return None
    return render_to_string(
        "civic_wagtail/mentoring/public_mentorships.html", {"count": count}, request=request
    )
