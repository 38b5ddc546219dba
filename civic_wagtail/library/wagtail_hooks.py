from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Indicator
from .profile import submissions_panel


class IndicatorViewSet(SnippetViewSet):
    model = Indicator
    icon = "table"
    menu_label = _("Indicators")
    menu_order = 910
    add_to_admin_menu = True
    list_display = ["name", "unit", "direction", "slug"]
    list_filter = ["direction"]
    search_fields = ["name"]


register_snippet(IndicatorViewSet)
hooks.register("civic_wagtail_profile_panels", submissions_panel)
