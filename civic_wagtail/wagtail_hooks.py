from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import GovernmentLevel, OrganisationType, Region, Topic


class TermViewSet(SnippetViewSet):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    add_to_admin_menu = False


class TopicViewSet(TermViewSet):
    model = Topic
    icon = "tag"


class GovernmentLevelViewSet(TermViewSet):
    model = GovernmentLevel
    icon = "list-ol"
    list_display = ["name", "slug", "sort_order"]


class RegionViewSet(TermViewSet):
    model = Region
    icon = "site"
    list_display = ["name", "slug", "parent"]


class OrganisationTypeViewSet(TermViewSet):
    model = OrganisationType
    icon = "group"


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomy")
    menu_icon = "tag"
    menu_order = 900
    items = (TopicViewSet, GovernmentLevelViewSet, RegionViewSet, OrganisationTypeViewSet)


register_snippet(TaxonomyViewSetGroup)
