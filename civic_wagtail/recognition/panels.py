"""The badges on a member's public profile (``civic_wagtail_public_profile_panels``)."""

from django.template.loader import render_to_string

from .models import Award, Kudos


def badges_panel(request, profile):
    """Active awards, newest first, each linking to its public award page (two queries)."""
    awards = list(
        Award.objects.active()
        .filter(recipient_id=profile.user_id)
        .select_related("badge")
        .order_by("-awarded_at", "-pk")
    )
    helped = Kudos.objects.filter(recipient_id=profile.user_id).count()
    if not awards and not helped:
        return None
    return render_to_string(
        "civic_wagtail/recognition/profile_badges.html",
        {"awards": awards, "helped": helped, "profile": profile},
        request=request,
    )
