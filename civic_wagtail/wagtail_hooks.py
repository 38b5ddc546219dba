from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .menu import MENU_HOOK
from .models import GovernmentLevel, OrganisationType, Region, Topic

civic_menu = Menu(register_hook_name=MENU_HOOK, construct_hook_name="construct_civic_wagtail_menu")


@hooks.register("register_admin_menu_item")
def register_civic_menu():
    """One top-level entry for every screen of the package (hidden when none is allowed)."""
    return SubmenuMenuItem(
        _("Civic hub"), civic_menu, name="civic-wagtail", icon_name="group", order=850
    )


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
    menu_hook = MENU_HOOK
    items = (TopicViewSet, GovernmentLevelViewSet, RegionViewSet, OrganisationTypeViewSet)


register_snippet(TaxonomyViewSetGroup)
