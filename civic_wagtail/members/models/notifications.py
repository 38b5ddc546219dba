"""In-site notifications and each member's choice of how to hear about each kind."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """Something that happened for one member: ``verb`` is the sentence they read, ``url`` the
    page it is about (a path on the site, the reply's anchor included)."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="civic_notifications",
        verbose_name=_("recipient"),
    )
    kind = models.CharField(_("kind"), max_length=60)
    #: The member whose action this tells of (their erasure deletes it: the verb names them).
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("actor"),
    )
    verb = models.CharField(_("what happened"), max_length=300)
    url = models.CharField(_("link"), max_length=500, blank=True)
    #: What the notification is about, when it is a row of the database (kept as text ids so
    #: that any model, pages included, can be a target).
    target_type = models.ForeignKey(
        "contenttypes.ContentType",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    target_id = models.CharField(max_length=64, blank=True)
    #: Names the event, so a repeated event notifies each recipient once.
    key = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    #: Waits for the recipient's daily digest.
    in_digest = models.BooleanField(default=False)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="civic_notif_unread"),
            models.Index(fields=["in_digest", "recipient"], name="civic_notif_digest"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "key"],
                condition=~models.Q(key=""),
                name="civic_notification_once_per_key",
            )
        ]

    def __str__(self):
        return self.verb

    @property
    def is_read(self):
        return self.read_at is not None


class NotificationPreference(models.Model):
    """How one member hears about one kind of notification (the kind's default otherwise)."""

    class Channel(models.TextChoices):
        EMAIL = "email", _("On the site and by email")
        DIGEST = "digest", _("On the site and in a daily email digest")
        SITE = "site", _("On the site only")
        OFF = "off", _("Off")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="civic_notification_preferences",
    )
    kind = models.CharField(_("kind"), max_length=60)
    channel = models.CharField(_("how"), max_length=10, choices=Channel.choices)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="civic_notification_pref_once")
        ]

    def __str__(self):
        return f"{self.kind}: {self.channel}"
