"""Version stamps of the feeds: what a conditional request is answered from.

Each feed has a *scope*, a short key such as ``site:1:en`` or ``topic:1:permits:fr``. A change
to an event bumps the stamps of the scopes the event is in (and was in, before a move or an
unpublish), nothing else; a feed reads its one stamp to build its ``ETag`` and
``Last-Modified``. So a calendar client's hourly poll costs a handful of small queries, and a
topic feed keeps its date when an unrelated topic's event is published.
"""

from django.db.models import F
from django.utils import timezone
from wagtail.models import Site

from .models import EventAttendance, FeedStamp


def site_scope(site_id, language_code):
    return f"site:{site_id}:{language_code}"


def topic_scope(site_id, slug, language_code):
    return f"topic:{site_id}:{slug}:{language_code}"


def calendar_scope(index_page_id):
    return f"calendar:{index_page_id}"


def event_scope(page_id):
    return f"event:{page_id}"


def member_scope(user_id):
    return f"member:{user_id}"


def sites_of(page):
    """Ids of the sites whose calendar lists ``page``: a site lists the events under its root
    page and under that root's translations."""
    keys = page.get_ancestors(inclusive=True).values_list("translation_key", flat=True)
    return list(
        Site.objects.filter(root_page__translation_key__in=keys).values_list("pk", flat=True)
    )


def structural_scopes(page):
    """The scopes ``page`` is in by where it stands and what it is about (not who follows
    it): stored with its feed entry, so a later move or unpublish can bump them."""
    lang = page.locale.language_code
    topics = [topic.slug for topic in page.topics.all()]
    scopes = [event_scope(page.pk), calendar_scope(page.get_parent().pk)]
    for site_id in sites_of(page):
        scopes.append(site_scope(site_id, lang))
        scopes += [topic_scope(site_id, slug, lang) for slug in topics]
    return scopes


def follower_scopes(page_ids):
    """The personal-feed scopes of everyone registered for or following these events."""
    users = EventAttendance.objects.filter(page_id__in=page_ids).values_list("user_id", flat=True)
    return [member_scope(user_id) for user_id in set(users)]


def bump(scopes):
    """Give each scope a new version and date, in two queries whatever their number."""
    scopes = sorted(set(scopes))
    if not scopes:
        return
    now = timezone.now()
    FeedStamp.objects.filter(key__in=scopes).update(version=F("version") + 1, changed_at=now)
    FeedStamp.objects.bulk_create(
        [FeedStamp(key=key, version=1, changed_at=now) for key in scopes],
        ignore_conflicts=True,
    )


def read(scope):
    """``(version, changed_at)`` of ``scope``; ``(0, None)`` when it never changed."""
    found = FeedStamp.objects.filter(key=scope).values_list("version", "changed_at").first()
    return found or (0, None)
