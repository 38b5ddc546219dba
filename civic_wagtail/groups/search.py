"""The groups' scope of the site search: public and members-only groups by name and purpose,
and secret groups only for their members (a secret group never shows in anyone else's
results, counts or "did you mean")."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from civic_wagtail.search import SearchScope
from civic_wagtail.search_index import stem

from . import access


class GroupScope(SearchScope):
    key = "civic_wagtail_groups.workinggroup"
    label = _("working groups")
    order = 70
    template = "civic_wagtail/groups/includes/search_result.html"
    taxonomy = True

    def search(self, request, terms, filters):
        groups = access.visible_groups(request.user)
        for term in terms.split():
            word = stem(term)
            groups = groups.filter(Q(name__icontains=word) | Q(purpose__icontains=word))
        if filters.get("topic"):
            groups = groups.filter(topics__slug=filters["topic"])
        if filters.get("level"):
            groups = groups.filter(government_level__slug=filters["level"])
        return groups.distinct().order_by("name", "pk")

    def load(self, request, results, terms):
        from civic_wagtail.sections import section_page

        from .pages import GroupIndexPage

        page = section_page(request, GroupIndexPage)
        base = (page.get_url(request) or "/").rstrip("/") + "/" if page else None
        groups = list(results)
        for group in groups:
            group.url = f"{base}{group.slug}/" if base else ""
        return groups

    def vocabulary(self, request):
        return list(access.visible_groups(request.user).values_list("name", flat=True)[:1000])


def group_scopes():
    return [GroupScope()]
