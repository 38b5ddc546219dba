"""Records kept beside event pages: rendered feed blocks, attendance and feed tokens."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _


class EventFeedEntry(models.Model):
    """The VEVENT block(s) of one published event page, rendered when it was published.

    Feeds concatenate these instead of serialising events per request. ``sequence`` and
    ``fingerprint`` survive unpublishing so a republished event continues its SEQUENCE.
    """

    page = models.OneToOneField(
        "civic_wagtail_events.EventPage", on_delete=models.CASCADE, related_name="feed_entry"
    )
    uid = models.CharField(max_length=255)
    sequence = models.PositiveIntegerField(default=0)
    #: Hash of the fields whose change is significant to subscribers (RFC 5546 2.1.4).
    fingerprint = models.CharField(max_length=64, blank=True)
    #: The VEVENT components, CRLF-terminated and folded, ready to concatenate.
    vevent = models.TextField()
    #: TZIDs used by ``vevent``; the feed adds one VTIMEZONE for each.
    tzids = models.JSONField(default=list)
    #: Feed URLs this event appeared in when last rendered, to purge them when it changes.
    feed_urls = models.JSONField(default=list)
    #: Feed scopes (``stamps`` keys) it appeared in, to bump them when it leaves them.
    feed_scopes = models.JSONField(default=list)
    published_at = models.DateTimeField()

    class Meta:
        verbose_name = _("event feed entry")
        verbose_name_plural = _("event feed entries")

    def __str__(self):
        return self.uid


class FeedStamp(models.Model):
    """The version of one feed scope (a site's calendar in one language, a topic, a calendar
    page, an event, a member's personal feed).

    Publishing, unpublishing, moving, deleting or restricting an event bumps the stamps of
    exactly the scopes it is (or was) in; a feed reads its own stamp in one query and answers
    a conditional request from it without touching the entries (``civic_wagtail.events.stamps``).
    """

    key = models.CharField(max_length=200, primary_key=True)
    version = models.PositiveBigIntegerField(default=1)
    changed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("feed version")

    def __str__(self):
        return f"{self.key} v{self.version}"


class EventAttendance(models.Model):
    """A member registered for, or follows, an event: it appears in their personal feed."""

    class Kind(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        #: Asked for a place when the event was full: promoted in turn when one frees up.
        WAITING = "waiting", _("On the wait list")
        FOLLOWING = "following", _("Following")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="civic_event_attendance"
    )
    page = models.ForeignKey(
        "civic_wagtail_events.EventPage", on_delete=models.CASCADE, related_name="attendance"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    #: When the member registered or followed, or joined the wait list (their turn on it).
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("event attendance")
        verbose_name_plural = _("event attendance")
        constraints = [
            models.UniqueConstraint(fields=["user", "page"], name="unique_event_attendance")
        ]

    def __str__(self):
        return f"{self.user} {self.kind} {self.page_id}"


def new_token():
    return secrets.token_urlsafe(32)


def password_stamp(user):
    """A keyed digest of ``user``'s password hash: it changes whenever the password does."""
    return salted_hmac(
        "civic_wagtail.events.CalendarToken", user.password or "", algorithm="sha256"
    ).hexdigest()


class CalendarToken(models.Model):
    """The secret in a member's personal feed URL. Resetting it revokes the old URL.

    A token is bound to the password it was issued under: changing or resetting the password
    (anywhere: allauth, the admin, ``set_password``) revokes the URL too, as it does sessions.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="civic_calendar_token"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(default=timezone.now)
    #: :func:`password_stamp` of the user when the token was issued.
    password_stamp = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("personal calendar token")

    def __str__(self):
        return f"calendar token of {self.user}"

    @classmethod
    def for_user(cls, user):
        """``user``'s current token; a new one if the password changed since it was issued."""
        token, created = cls.objects.get_or_create(
            user=user, defaults={"password_stamp": password_stamp(user)}
        )
        if not created and not token.is_valid_for(user):
            token.reset()
        return token

    def is_valid_for(self, user):
        """Whether the token was issued under ``user``'s current password."""
        return bool(self.password_stamp) and constant_time_compare(
            self.password_stamp, password_stamp(user)
        )

    def reset(self):
        """Replace the token: the previous feed URL answers 404 from now on."""
        self.token = new_token()
        self.created_at = timezone.now()
        self.password_stamp = password_stamp(self.user)
        self.save(update_fields=["token", "created_at", "password_stamp"])
