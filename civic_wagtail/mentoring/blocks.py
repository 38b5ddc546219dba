"""The home page's block of mentors available now (see :mod:`civic_wagtail.blocks`)."""

from django.utils.translation import gettext_lazy as _

from civic_wagtail.blocks import CachedListingBlock


class AvailableMentorsBlock(CachedListingBlock):
    """Listed mentors who are open and have a free place, with their public headline.

    One query for the mentors (free places counted in it); the mentoring page that their links
    lead to is found with :func:`civic_wagtail.sections.section_page` (cached on the request).
    Without a live mentoring page the block shows nothing to link to, so it lists nobody.
    """

    cache_name = "mentoring"
    purge_models = (
        "civic_wagtail_mentoring.mentorprofile",
        "civic_wagtail_mentoring.mentorship",
        "civic_wagtail_mentoring.mentoringpage",
        "civic_wagtail_members.memberprofile",
    )
    default_heading = _("Mentors available now")
    list_template = "civic_wagtail/mentoring/blocks/available.html"

    class Meta:
        icon = "group"
        label = _("Mentors available now")

    def get_items(self, value, request):
        from civic_wagtail.sections import section_page

        from .models import MentorProfile
        from .pages import MentoringPage

        page = section_page(request, MentoringPage)
        base = page.get_url(request) if page is not None else None
        if not base:
            return []
        mentors = (
            MentorProfile.objects.listed()
            .with_occupied()
            .available()
            .select_related("user__civic_profile")
            .order_by("-updated_at", "-pk")[: value["count"]]
        )
        return [
            {
                "mentor": mentor,
                "url": base.rstrip("/") + "/" + page.reverse_subpage("mentor", args=[mentor.pk]),
            }
            for mentor in mentors
        ]
