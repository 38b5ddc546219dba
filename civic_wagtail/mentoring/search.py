"""The mentors' scope of the site search (:mod:`civic_wagtail.search`), for signed-in members
only: listed mentors found by name, headline or skills (public fields only: contact details
are never searched nor shown)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from civic_wagtail.search import SearchScope
from civic_wagtail.search_index import stem
from civic_wagtail.sections import section_page

#: Public fields of a mentor a search matches.
FIELDS = ("user__civic_profile__display_name", "headline", "skills")


class MentorScope(SearchScope):
    key = "civic_wagtail_mentoring.mentorprofile"
    label = _("mentors")
    order = 60
    template = "civic_wagtail/mentoring/includes/search_result.html"
    taxonomy = True

    def is_available(self, request):
        return request.user.is_authenticated

    def search(self, request, terms, filters):
        from .models import MentorProfile

        mentors = MentorProfile.objects.listed()
        for term in terms.split():
            word = Q()
            for field in FIELDS:
                word |= Q(**{f"{field}__icontains": stem(term)})
            mentors = mentors.filter(word)
        for name, relation in (("topic", "topics"), ("level", "government_levels")):
            if filters.get(name):
                matching = MentorProfile.objects.filter(**{f"{relation}__slug": filters[name]})
                mentors = mentors.filter(pk__in=matching.values("pk"))
        return mentors.order_by("user__civic_profile__display_name", "pk")

    def load(self, request, results, terms):
        from .models import MentorProfile
        from .pages import MentoringPage

        ids = [mentor.pk for mentor in results]
        by_id = (
            MentorProfile.objects.select_related("user__civic_profile")
            .prefetch_related("topics")
            .in_bulk(ids)
        )
        page = section_page(request, MentoringPage)
        base = (page.get_url(request) or "/").rstrip("/") + "/" if page else None
        mentors = []
        for pk in ids:
            mentor = by_id.get(pk)
            if mentor is None:
                continue
            mentor.url = (
                base + page.reverse_subpage("mentor", args=[pk]).lstrip("/") if base else ""
            )
            mentors.append(mentor)
        return mentors

    def vocabulary(self, request):
        from .models import MentorProfile

        return list(
            MentorProfile.objects.listed().values_list(
                "user__civic_profile__display_name", flat=True
            )[:1000]
        )


def mentor_scopes():
    return [MentorScope()]
