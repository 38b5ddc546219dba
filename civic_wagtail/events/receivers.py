"""Signal receivers: keep stored feed blocks and frontend caches in step with pages."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from .models import EventFeedEntry, EventPage, FeedChange
from .publishing import purge, render_entry


@receiver(page_published, sender=EventPage, dispatch_uid="civic_events_published")
def on_event_published(sender, instance, **kwargs):
    urls = render_entry(instance)
    FeedChange.touch()
    transaction.on_commit(lambda: purge(urls))


@receiver(page_unpublished, sender=EventPage, dispatch_uid="civic_events_unpublished")
def on_event_unpublished(sender, instance, **kwargs):
    # The entry stays (with its SEQUENCE); feeds only list live, public pages.
    urls = list(
        EventFeedEntry.objects.filter(page_id=instance.pk).values_list("feed_urls", flat=True)
    )
    FeedChange.touch()
    flat = sorted({url for group in urls for url in group})
    transaction.on_commit(lambda: purge(flat))


@receiver(pre_delete, sender=EventPage, dispatch_uid="civic_events_deleted")
def on_event_deleted(sender, instance, **kwargs):
    on_event_unpublished(sender, instance)


def _restriction_changed(sender, instance, **kwargs):
    """Making a page private (or public again) adds or removes its events from feeds."""
    page = instance.page
    entries = EventFeedEntry.objects.filter(page__path__startswith=page.path).values_list(
        "feed_urls", flat=True
    )
    flat = sorted({url for group in entries for url in group})
    FeedChange.touch()
    transaction.on_commit(lambda: purge(flat))


post_save.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid="civic_ev_r1")
post_delete.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid="civic_ev_r2")
