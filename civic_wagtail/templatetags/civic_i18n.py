"""The language switcher's links: ``{% civic_language_links as links %}``.

On a page (and on the views a routable page serves, such as a forum thread), one link per
live translation of the page, with the served sub-path kept (``/fr/forum/permits/12/``). On
any other view under ``i18n_patterns``, the same path under each language's prefix. Where
neither applies (views outside ``i18n_patterns``), an empty list: the template then offers
Django's ``set_language`` form. One query for the translations of a page.
"""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page

register = template.Library()


def _names():
    return dict(settings.LANGUAGES)


@register.simple_tag(takes_context=True)
def civic_language_links(context):
    """``[{"code", "name", "url", "current"}]``, current language first excluded from none."""
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    names = _names()
    if request is None:
        return []
    if isinstance(page, Page) and page.pk:
        return _page_links(request, page, current, names)
    links = []
    path = request.get_full_path()
    for code in names:
        url = translate_url(path, code)
        if url == path and code != current:
            return []  # not under i18n_patterns: no per-language URL
        links.append(
            {"code": code, "name": translation.get_language_info(code)["name_local"],
             "url": url, "current": code == current}
        )
    return links


def _page_links(request, page, current, names):
    base = page.get_url(request) or ""
    rest = request.path[len(base):] if base and request.path.startswith(base) else ""
    pages = (
        Page.objects.live()
        .filter(translation_key=page.translation_key)
        .select_related("locale")
        .order_by("locale__language_code")
    )
    links = []
    for translated in pages:
        code = translated.locale.language_code
        if code not in names:
            continue
        url = translated.get_url(request)
        if not url:
            continue
        links.append(
            {
                "code": code,
                "name": translation.get_language_info(code)["name_local"],
                "url": url + rest,
                "current": translated.pk == page.pk,
            }
        )
    order = list(names)
    links.sort(key=lambda link: order.index(link["code"]))
    return links if len(links) > 1 else []
