"""Consultation dates in the site's calendar feeds, through the events app's hook
``civic_wagtail_calendar_items`` (the transparency app does not import the events app)."""

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import override
from wagtail.models import Page

from .models import ConsultationPage


def consultation_items(site, locale, topic_slug=None):
    """Opening and closing of every live, public consultation of ``site`` in ``locale``."""
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
