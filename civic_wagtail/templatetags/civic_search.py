"""The site search in templates.

``{% civic_search_form %}`` renders the search box once per request: a site's ``base.html``
may put it in its header, and the one that ``civic_wagtail/layout.html`` adds to the package's
pages is then left out. ``{{ text|highlight:terms }}`` escapes plain text, then marks the
searched words; ``{% filter mark_terms:terms %}...{% endfilter %}`` marks them in HTML that
is already safe (a rendered result).
"""

from django import template
from django.urls import NoReverseMatch, reverse

from civic_wagtail.search.highlight import highlight as highlight_text
from civic_wagtail.search.highlight import mark_html

register = template.Library()

SHOWN = "_civic_search_form_shown"


@register.inclusion_tag("civic_wagtail/search/form.html", takes_context=True)
def civic_search_form(context, variant="page"):
    request = context.get("request")
    shown = getattr(request, SHOWN, False) if request is not None else False
    if request is not None:
        setattr(request, SHOWN, True)
    try:
        action = reverse("civic_wagtail_search:search")
    except NoReverseMatch:  # a site that does not mount civic_wagtail.urls
        action = None
    return {
        "show": not shown and action is not None,
        "action": action,
        "variant": variant,
        "query": context.get("query", "") if context.get("is_site_search") else "",
    }


@register.filter(is_safe=True)
def mark_terms(html, terms):
    return mark_html(html, terms)


@register.filter(needs_autoescape=False)
def highlight(text, terms):
    return highlight_text(str(text), terms)
