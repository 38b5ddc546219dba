"""Consultation dates in the site's calendar feeds, through the events app's hook
``civic_wagtail_calendar_items`` (the transparency app does not import the events app).

The items of each (site, language, topic) are kept in Django's cache under a version that
every publish, unpublish or deletion of a consultation bumps (:func:`bump`), so a feed
request costs the events app no extra query once warm, and a change shows at once.
"""

from django.core.cache import cache
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import override
from wagtail.models import Page

from .models import ConsultationPage

VERSION_KEY = "civic_wagtail:transparency:calendar:version"
#: Seconds the items stay cached at most (a change bumps the version sooner).
CACHE_SECONDS = 3600


def bump():
    """Make every cached list of consultation items stale (a consultation changed)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, timeout=None)


def consultation_items(site, locale, topic_slug=None):
    """Opening and closing of every live, public consultation of ``site`` in ``locale``."""
    version = cache.get(VERSION_KEY, 0)
    key = f"{VERSION_KEY}:{version}:{site.pk}:{locale.language_code}:{topic_slug or ''}"
    items = cache.get(key)
    if items is None:
        items = _items(site, locale, topic_slug)
        cache.set(key, items, timeout=CACHE_SECONDS)
    return items


def _items(site, locale, topic_slug):
    roots = Page.objects.filter(
        translation_key__in=Page.objects.filter(pk=site.root_page_id).values("translation_key"),
        locale=locale,
    ).values_list("path", flat=True)
    under = Q()
    for path in roots:
        under |= Q(path__startswith=path)
    if not under:
        return []
    pages = (
        ConsultationPage.objects.live()
        .public()
        .filter(under, locale=locale)
        .defer_streamfields()
        .order_by("opens_utc", "pk")
    )
    if topic_slug:
        pages = pages.filter(topics__slug=topic_slug)
    items = []
    with override(locale.language_code):
        for page in pages:
            url = page.get_full_url()
            stamp = page.last_published_at or page.first_published_at
            for moment, label, instant in (
                ("opens", _("Consultation opens: %(title)s"), page.opens_utc),
                ("closes", _("Consultation closes: %(title)s"), page.closes_utc),
            ):
                if instant is None or stamp is None:
                    continue
                items.append(
                    {
                        "uid": f"consultation-{page.translation_key}-{moment}@{site.hostname}",
                        "summary": label % {"title": page.title},
                        "description": page.summary,
                        "start": instant,
                        "url": url,
                        "stamp": stamp,
                    }
                )
    return items
