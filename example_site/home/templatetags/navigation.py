from django import template
from wagtail.models import Site

register = template.Library()


@register.simple_tag(takes_context=True)
def site_menu(context):
    """The home page's children that are shown in menus, as (title, url, active) dicts."""
    request = context.get("request")
    if request is None:
        return []
    site = Site.find_for_request(request)
    if site is None:
        return []
    root = site.root_page.localized
    current = getattr(context.get("page"), "url_path", None) or ""
    items = []
    for child in root.get_children().live().public().in_menu():
        items.append(
            {
                "title": child.title,
                "url": child.get_url(request),
                "active": bool(current) and current.startswith(child.url_path),
            }
        )
    return items
