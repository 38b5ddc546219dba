"""Registrations of the project part: admin screens, adoptions, open data."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from civic_wagtail.menu import MENU_HOOK

from .admin import OrganisationViewSet, token_viewset, upload_menu_item, upload_urls
from .adoption import project_adoptions

register_snippet(OrganisationViewSet)
hooks.register("register_admin_viewset", lambda: token_viewset)
hooks.register("register_admin_urls", upload_urls)
hooks.register(MENU_HOOK, upload_menu_item)
hooks.register("civic_wagtail_practice_adoptions", project_adoptions)


@hooks.register("civic_wagtail_open_data")
def project_open_data(request, site_url):
    from .open_data import datasets

    return datasets(request, site_url)
