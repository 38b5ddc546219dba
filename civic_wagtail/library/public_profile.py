"""What a member contributed to the library, on their public profile
(``civic_wagtail_public_profile_panels``): their live practices and case studies, and the
places that adopted their practices. Three queries, the lists capped."""

from django.template.loader import render_to_string

from .models import BestPracticePage, CaseStudyPage

#: How many of each list the profile shows.
LIMIT = 20


def contributions_panel(request, profile):
    if not profile.shows("contributions"):
        return None
    user_id = profile.user_id
    practices = list(
        BestPracticePage.objects.live()
        .public()
        .filter(owner_id=user_id)
        .only("title", "url_path", "path", "depth")
        .order_by("title")[:LIMIT]
    )
    cases = list(
        CaseStudyPage.objects.live()
        .public()
        .filter(owner_id=user_id)
        .only("title", "url_path", "path", "depth", "place")
        .order_by("title")[:LIMIT]
    )
    places = []
    if practices:
        places = list(
            CaseStudyPage.objects.live()
            .public()
            .filter(practices__owner_id=user_id)
            .exclude(place="")
            .order_by("place")
            .values_list("place", flat=True)
            .distinct()[:LIMIT]
        )
    if not (practices or cases):
        return None
    return render_to_string(
        "civic_wagtail/library/includes/public_contributions.html",
        {"practices": practices, "cases": cases, "places": places, "profile": profile},
        request=request,
    )
