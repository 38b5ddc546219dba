"""The one way apps tell a member that something happened: :func:`notify`.

Every email an app sends to a member about an event (a review to do, a reply, a mentoring
request) goes through :func:`notify`, which

- stores an in-site :class:`~civic_wagtail.members.models.Notification` (the header badge
  counts the unread ones; the list is at ``/members/notifications/``);
- and, as the member chose for that kind (``/members/notifications/settings/``), sends the
  email through the core mail service (after commit, via django-tasks), or keeps it for the
  daily digest (:func:`civic_wagtail.members.digest.send_digests`), or does neither;
- does nothing at all for a kind the member turned off.

Kinds are declared by the apps with the ``civic_wagtail_notification_kinds`` hook, which returns
a list of :class:`Kind`. A recipient that is an address rather than a user (an anonymous
commenter) only gets the email.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import prefetch_related_objects
from django.utils import translation
from wagtail import hooks

from civic_wagtail import mail

from .models import Notification, NotificationPreference

HOOK = "civic_wagtail_notification_kinds"
Channel = NotificationPreference.Channel


@dataclass(frozen=True)
class Kind:
    """A kind of notification a member can tune: ``name`` (``"discussion.reply"``), the label
    shown on the preferences page and the channel used until the member picks one."""

    name: str
    label: str
    default: str = Channel.EMAIL


@dataclass
class Email:
    """The email of a notification: arguments of :func:`civic_wagtail.mail.send_templated`."""

    template: str
    context: dict
    from_email: str | None = None


def kinds():
    """Every declared :class:`Kind`, by name, in hook order."""
    found = {}
    for fn in hooks.get_hooks(HOOK):
        for kind in fn():
            found.setdefault(kind.name, kind)
    return found


def default_channel(kind):
    declared = kinds().get(kind)
    return declared.default if declared else Channel.EMAIL


def channels_for(users, kind):
    """``{user_id: channel}`` for ``users`` and ``kind``, in one query."""
    chosen = dict(
        NotificationPreference.objects.filter(
            user__in=[user.pk for user in users], kind=kind
        ).values_list("user_id", "channel")
    )
    fallback = default_channel(kind)
    return {user.pk: chosen.get(user.pk, fallback) for user in users}


def unread_cache_key(user_id):
    return f"civic_wagtail.members.unread:{user_id}"


def forget_unread(user_ids):
    """Drop the cached unread counts of ``user_ids`` now and again once the transaction commits
    (a request in between may have cached the count from before the change)."""
    keys = [unread_cache_key(pk) for pk in user_ids]
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))


def unread_count(user):
    """How many notifications ``user`` has not read: cached, one COUNT on a miss."""
    if not getattr(user, "is_authenticated", False):
        return 0
    key = unread_cache_key(user.pk)
    count = cache.get(key)
    if count is None:
        count = Notification.objects.filter(recipient=user, read_at__isnull=True).count()
        cache.set(key, count, 3600)
    return count


def _target_fields(target):
    if target is None or getattr(target, "pk", None) is None:
        return {}
    return {
        "target_type": ContentType.objects.get_for_model(target),
        "target_id": str(target.pk),
    }


def notify(recipient, kind, verb, *, url="", target=None, email=None, key=None, actor=None):
    """Tell ``recipient`` (a user, or an email address) that something happened.

    ``verb`` is the sentence shown in the list (a lazy translation: it is rendered in the
    recipient's language); ``url`` the path it links to; ``target`` the object it is about;
    ``email`` an :class:`Email` sent when the member wants email; ``key`` names the event
    (``"discussion.reply:42"``) so that a repeated event notifies and mails once; ``actor`` the
    member who acted (erasing them deletes the notifications that name them).

    Returns the stored :class:`Notification`, or None when none was stored.
    """
    return notify_many(
        [recipient], kind, verb, url=url, target=target, email=email, key=key, actor=actor
    )[0]


def notify_many(recipients, kind, verb, *, url="", target=None, email=None, key=None, actor=None):
    """:func:`notify` for many recipients: one preference query and one insert in all.

    ``email`` may also be a callable ``email(recipient)`` returning an :class:`Email` (or None),
    for messages that differ per recipient (an unsubscribe link), and ``url`` a callable
    ``url(recipient)`` for links that do (each member's own award). Returns one result per
    recipient, in order.
    """
    if mail.is_muted():
        return [None] * len(recipients)
    users = [r for r in recipients if not isinstance(r, str) and getattr(r, "is_active", True)]
    channels = channels_for(users, kind) if users else {}
    # Each verb is written in its recipient's language: load the profiles that say which.
    prefetch_related_objects(
        [user for user in users if channels[user.pk] != Channel.OFF],
        "civic_profile",
        "wagtail_userprofile",
    )
    target_fields = _target_fields(target)
    results = {}
    rows = []
    for user in users:
        channel = channels[user.pk]
        if channel == Channel.OFF:
            continue
        with translation.override(mail.recipient_language(user)):
            text = mail.one_line(verb)[:300]
        rows.append(
            Notification(
                recipient=user,
                kind=kind,
                actor=actor if getattr(actor, "pk", None) else None,
                verb=text,
                url=str((url(user) if callable(url) else url) or "")[:500],
                key=key or "",
                in_digest=channel == Channel.DIGEST,
                **target_fields,
            )
        )
    if rows:
        if key:
            existing = set(
                Notification.objects.filter(
                    recipient__in=[row.recipient for row in rows], key=key
                ).values_list("recipient_id", flat=True)
            )
            rows = [row for row in rows if row.recipient_id not in existing]
        try:
            with transaction.atomic():
                Notification.objects.bulk_create(rows)
        except IntegrityError:  # the same event raced in another request: keep the first
            rows = []
        for row in rows:
            results[row.recipient_id] = row
        forget_unread([row.recipient_id for row in rows])
    for recipient in recipients:
        is_address = isinstance(recipient, str)
        if not is_address and channels.get(recipient.pk) != Channel.EMAIL:
            continue
        message = email(recipient) if callable(email) else email
        if message is None:
            continue
        mail.send_templated(
            recipient,
            message.template,
            message.context,
            key=key,
            from_email=message.from_email,
        )
    return [None if isinstance(r, str) else results.get(r.pk) for r in recipients]


def mark_all_read(user):
    """Mark every unread notification of ``user`` read; returns how many."""
    from django.utils import timezone

    changed = Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    forget_unread([user.pk])
    return changed
