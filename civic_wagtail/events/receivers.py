"""Signal receivers: keep stored feed blocks, feed versions and frontend caches in step with
pages. Every change bumps the version of exactly the feeds the event is or was in."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from civic_wagtail.accounts import account_closed

from . import stamps
from .models import CalendarToken, EventAttendance, EventFeedEntry, EventPage
from .publishing import purge, render_entry


def _flatten(groups):
    return sorted({item for group in groups for item in group})


def _bump_entries(entries):
    """Events leaving (or rejoining) their feeds: bump the scopes they were in, purge URLs."""
    rows = list(entries.values_list("page_id", "feed_urls", "feed_scopes"))
    page_ids = [row[0] for row in rows]
    stamps.bump(_flatten(row[2] for row in rows) + stamps.follower_scopes(page_ids))
    urls = _flatten(row[1] for row in rows)
    transaction.on_commit(lambda: purge(urls))


def refresh(page):
    """Render ``page`` again and bump the feeds it was and is in."""
    urls, scopes = render_entry(page)
    stamps.bump(scopes + stamps.follower_scopes([page.pk]))
    transaction.on_commit(lambda: purge(urls))


@receiver(page_published, sender=EventPage, dispatch_uid="civic_events_published")
def on_event_published(sender, instance, **kwargs):
    refresh(instance)


@receiver(page_unpublished, sender=EventPage, dispatch_uid="civic_events_unpublished")
def on_event_unpublished(sender, instance, **kwargs):
    # The entry stays (with its SEQUENCE); feeds only list live, public pages.
    _bump_entries(EventFeedEntry.objects.filter(page_id=instance.pk))


@receiver(pre_delete, sender=EventPage, dispatch_uid="civic_events_deleted")
def on_event_deleted(sender, instance, **kwargs):
    on_event_unpublished(sender, instance)


def _refresh_descendants(page):
    """A moved page, or a page whose slug changed, changes the URLs (and, for a move, the
    feeds) of the live events below it: render them again with their new place."""
    live = EventPage.objects.descendant_of(page, inclusive=True).live()
    for event in live.filter(feed_entry__isnull=False):
        refresh(event)


@receiver(post_page_move, dispatch_uid="civic_events_moved")
def on_page_moved(sender, instance, **kwargs):
    _refresh_descendants(instance)


@receiver(page_slug_changed, dispatch_uid="civic_events_slug_changed")
def on_slug_changed(sender, instance, **kwargs):
    _refresh_descendants(instance)


def _restriction_changed(sender, instance, **kwargs):
    """Making a page private (or public again) adds or removes its events from feeds."""
    _bump_entries(EventFeedEntry.objects.filter(page__path__startswith=instance.page.path))


@receiver(account_closed, dispatch_uid="civic_events_account_closed")
def on_account_closed(sender, user, **kwargs):
    """A deactivated account's personal feed answers 404, as a deleted one's: the token goes
    (reactivating the account issues a new URL), and its places free up for the wait list."""
    from . import attendance

    CalendarToken.objects.filter(user=user).delete()
    places = EventAttendance.objects.filter(user=user, kind=EventAttendance.Kind.REGISTERED)
    for row in places.select_related("page"):
        attendance.change(user, row.page, "forget")


def _attendance_changed(sender, instance, **kwargs):
    stamps.bump([stamps.member_scope(instance.user_id)])


post_save.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid="civic_ev_r1")
post_delete.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid="civic_ev_r2")
post_save.connect(_attendance_changed, sender=EventAttendance, dispatch_uid="civic_ev_a1")
post_delete.connect(_attendance_changed, sender=EventAttendance, dispatch_uid="civic_ev_a2")
