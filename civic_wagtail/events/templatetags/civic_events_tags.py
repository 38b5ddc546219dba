from django import template

from ..subscribe import render_subscribe

register = template.Library()


@register.simple_tag(takes_context=True)
def civic_subscribe(context, path, name, heading_id="subscribe"):
    """The "Subscribe" control for the feed at ``path``: ``{% civic_subscribe url title %}``."""
    return render_subscribe(context.get("request"), path, name, heading_id)
