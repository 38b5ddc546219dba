"""Speakers: on the event page (their names, linking to their public profiles) and, as
"Events they spoke at", on each speaker's public profile
(``civic_wagtail_public_profile_panels``)."""

from django.template.loader import render_to_string
from wagtail.models import Locale

from civic_wagtail.members.models import MemberProfile

#: How many events the profile lists, most recent first.
LIMIT = 20


def speaker_profiles(page):
    """The public profiles of ``page``'s speakers (active members), by name. One query."""
    return list(
        MemberProfile.objects.filter(
            user__in=page.speakers.all(), user__is_active=True
        ).order_by("display_name", "pk")
    )


def spoken_at_panel(request, profile):
    """The live, public events in the current language where the member spoke (two queries:
    the view restrictions and the events)."""
    if not profile.shows("contributions"):
        return None
    from .models import EventPage

    events = list(
        EventPage.objects.live()
        .public()
        .filter(speakers=profile.user_id, locale=Locale.get_active())
        .only("title", "url_path", "path", "depth", "start_date")
        .order_by("-start_date", "-pk")[:LIMIT]
    )
    if not events:
        return None
    return render_to_string(
        "civic_wagtail/events/includes/spoken_at.html",
        {"events": events, "profile": profile},
        request=request,
    )
