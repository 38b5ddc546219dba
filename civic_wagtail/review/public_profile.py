"""Reviews a member completed, counted on their public profile
(``civic_wagtail_public_profile_panels``). One query."""

from django.template.loader import render_to_string

from .models import ReviewDecision


def reviews_panel(request, profile):
    if not profile.shows("contributions"):
        return None
    count = ReviewDecision.objects.filter(reviewer_id=profile.user_id).count()
    if not count:
        return None
    return render_to_string(
        "civic_wagtail/review/public_reviews.html", {"count": count}, request=request
    )
