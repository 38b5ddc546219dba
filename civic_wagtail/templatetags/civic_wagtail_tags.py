"""Extension points in templates.

``{% civic_page_panels page %}`` renders, in hook order, what each function registered with
``@hooks.register("civic_wagtail_page_panels")`` returns for ``(request, page)``. Feature apps
use it to attach to other features' pages without importing them: the review app adds the
public review record, the discussion app adds the comments. ``{% civic_profile_panels
profile %}`` does the same on a member's own profile page with
``civic_wagtail_profile_panels`` hooks called as ``(request, profile)``. A hook returns HTML
(a ``SafeString`` from ``render_to_string``) or ``None`` to add nothing.
"""

from django import template
from django.utils.html import format_html_join
from wagtail import hooks

register = template.Library()


def _render(hook_name, request, obj):
    parts = []
    for fn in hooks.get_hooks(hook_name):
        html = fn(request, obj)
        if html:
            parts.append((html,))
    return format_html_join("\n", "{}", parts)


@register.simple_tag(takes_context=True)
def civic_page_panels(context, page):
    return _render("civic_wagtail_page_panels", context.get("request"), page)


@register.simple_tag(takes_context=True)
def civic_profile_panels(context, profile):
    return _render("civic_wagtail_profile_panels", context.get("request"), profile)


@register.simple_tag(takes_context=True)
def civic_public_profile_panels(context, profile):
    """``civic_wagtail_public_profile_panels`` hooks, called as ``(request, profile)``, on a
    member's public profile (what others see: badges, contributions)."""
    return _render("civic_wagtail_public_profile_panels", context.get("request"), profile)
