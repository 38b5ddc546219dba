"""Who a library page credits, and where its practice was put to work.

Both are read by the practice and case-study pages; neither imports another feature app:
adoptions other apps know of (projects, adoption trackers) come through the core
:mod:`civic_wagtail.adoption` hook.
"""

from django.urls import NoReverseMatch, reverse

from civic_wagtail import adoption


def credited(page):
    """The active members credited on ``page`` (its contributors), as ``{"name", "url"}``
    in the order they were added, with their public names; one query."""
    if not page.pk:
        return []
    people = []
    users = page.contributors.filter(is_active=True).select_related("civic_profile")
    for user in users.order_by("pk"):
        profile = getattr(user, "civic_profile", None)
        url = _profile_url(profile) if profile is not None else ""
        name = profile.display_name if profile else user.get_username().split("@")[0]
        people.append({"name": name, "url": url})
    return people


def _profile_url(profile):
    try:
        return reverse("civic_wagtail_members:profile_detail", args=[profile.pk])
    except NoReverseMatch:
        return ""


def adoption_context(practice_id, case_studies):
    """Context for "adopted in N places, M more measuring now" on a practice page.

    ``case_studies`` are the live case studies that adopted the practice (the library's own
    evidence); the other apps' adoptions add the places the case studies do not cover.
    """
    summary = adoption.adoption_summary(practice_id)
    known = {(case.place or case.title).strip().casefold() for case in case_studies}
    others = []
    for item in summary.adoptions:
        key = (item.place or item.title).strip().casefold()
        if not item.measuring and key not in known:
            known.add(key)
            others.append(item)
    measuring = [p for p in summary.measuring_places if p.casefold() not in known]
    return {
        "other_adoptions": others,
        "adopted_count": len(case_studies) + len(others),
        "measuring_places": measuring,
    }
