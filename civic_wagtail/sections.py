"""Find a feature's page ("section") for the current site and language.

A feature that links to its own page from elsewhere (a profile panel, an email) must not take
the first live page of its type: with a second site that is another site's page, and with a
translation it may be the wrong language. :func:`section_page` looks under the site's root
page (and the root's translations), prefers the requested locale and falls back to the
default one. Two queries the first time; repeated calls in one request are free.
"""

from django.conf import settings
from django.db.models import Q
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

_CACHE_ATTR = "_civic_wagtail_sections"


def _language_code(locale):
    if isinstance(locale, Locale):
        return locale.language_code
    try:
        return get_supported_content_language_variant(locale or translation.get_language())
    except LookupError:
        return None


def _site(request_or_site):
    if isinstance(request_or_site, Site):
        return request_or_site, None
    if request_or_site is None:
        return Site.objects.filter(is_default_site=True).first(), None
    return Site.find_for_request(request_or_site), request_or_site


def section_page(request_or_site, page_model, locale=None):
    """The live ``page_model`` page of a site, in ``locale`` or else the default locale.

    ``request_or_site`` is the current request (its site is found by hostname and the result
    is cached on it), a :class:`~wagtail.models.Site`, or None for the default site (emails
    and tasks sent outside a request). ``locale`` is a :class:`~wagtail.models.Locale` or a
    language code; None means the active language. When a site has several pages of the
    type, the shallowest (then the first in tree order) wins. Returns None when the site has
    no live page of that type.
    """
    site, request = _site(request_or_site)
    if site is None:
        return None
    default_code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    codes = list(dict.fromkeys(filter(None, [_language_code(locale), default_code])))
    key = (page_model._meta.label_lower, site.pk, tuple(codes))
    cache = getattr(request, _CACHE_ATTR, None) if request is not None else None
    if cache is not None and key in cache:
        return cache[key]
    page = _find(site, page_model, codes)
    if request is not None:
        if cache is None:
            cache = {}
            setattr(request, _CACHE_ATTR, cache)
        cache[key] = page
    return page


def _find(site, page_model, codes):
    # The site's root page and its translations: a translated tree is a sibling of the
    # default-language one, not below the site's root.
    roots = Page.objects.filter(
        translation_key__in=Page.objects.filter(pk=site.root_page_id).values("translation_key"),
        locale__language_code__in=codes,
    ).values_list("path", flat=True)
    roots = list(roots)
    if not roots:
        return None
    under_roots = Q()
    for path in roots:
        under_roots |= Q(path__startswith=path)
    candidates = (
        page_model.objects.live()
        .filter(under_roots, locale__language_code__in=codes)
        .select_related("locale")
        .order_by("depth", "path")
    )
    best = {}
    for page in candidates:
        best.setdefault(page.locale.language_code, page)
    return next((best[code] for code in codes if code in best), None)
