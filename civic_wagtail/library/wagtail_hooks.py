from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from civic_wagtail.menu import MENU_HOOK
from civic_wagtail.search_terms import PlainSearchIndexViewMixin

from . import personal_data
from .dashboard import submissions_dashboard_panel
from .models import Indicator
from .profile import submissions_panel
from .public_profile import contributions_panel
from .search import library_scopes


class IndicatorIndexView(PlainSearchIndexViewMixin, IndexView):
    pass


class IndicatorViewSet(SnippetViewSet):
    model = Indicator
    index_view_class = IndicatorIndexView
    icon = "table"
    menu_label = _("Indicators")
    menu_order = 910
    add_to_admin_menu = True
    menu_hook = MENU_HOOK
    list_display = ["name", "unit", "direction", "slug"]
    list_filter = ["direction"]
    # No search_fields: with a field list the SQLite backend matches a column "name" that
    # its full-text table does not have; the model indexes its name only anyway.


register_snippet(IndicatorViewSet)
hooks.register("civic_wagtail_profile_panels", submissions_panel)
hooks.register("civic_wagtail_dashboard_panels", submissions_dashboard_panel)
hooks.register("civic_wagtail_export_member", personal_data.export_member)
hooks.register("civic_wagtail_erase_member", personal_data.erase_member)
hooks.register("civic_wagtail_public_profile_panels", contributions_panel)
hooks.register("civic_wagtail_search_scopes", library_scopes)


@hooks.register("civic_wagtail_submit_draft")
def submit_draft(draft, **kwargs):
    # Imported here: the submission forms query the page tree when their module loads.
    from .drafts import submit_draft

    return submit_draft(draft, **kwargs)


@hooks.register("civic_wagtail_open_data")
def library_open_data(request, site_url):
    from .open_data import datasets

    return datasets(request, site_url)
