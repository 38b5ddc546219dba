"""Badges (editors' data), awards (one per member and badge) and "This helped me" kudos."""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class Badge(TranslatableMixin, index.Indexed, models.Model):
    """A badge: what it is called, what it recognises and how it is earned.

    ``rule`` names a rule of the registry (``civic_wagtail_badge_rules``) that awards it; a
    badge without one is granted by editors only. Translations share the rule and image.
    """

    class Tier(models.TextChoices):
        BRONZE = "bronze", _("Bronze")
        SILVER = "silver", _("Silver")
        GOLD = "gold", _("Gold")

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)
    description = models.TextField(_("description"), max_length=1000)
    criteria = models.TextField(
        _("criteria"), max_length=2000, help_text=_("How a member earns it, in plain words.")
    )
    tier = models.CharField(_("tier"), max_length=10, choices=Tier.choices, default=Tier.BRONZE)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A square PNG. Without one, a plain badge image is used."),
    )
    rule = models.CharField(
        _("awarded by rule"),
        max_length=60,
        blank=True,
        help_text=_("Leave empty for a badge that editors grant by hand."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("criteria"),
        FieldPanel("tier"),
        FieldPanel("image"),
        FieldPanel("rule"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    #: Name, description and criteria are translated; slug, tier, image and rule are kept
    #: equal across translations by wagtail-localize (a translated rule would award nothing).
    override_translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        TranslatableField("criteria"),
        SynchronizedField("slug"),
        SynchronizedField("tier"),
        SynchronizedField("image"),
        SynchronizedField("rule"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("badge")
        verbose_name_plural = _("badges")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="civic_badge_slug_locale")
        ]

    def __str__(self):
        return self.name


def new_salt():
    return secrets.token_hex(16)


class AwardQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)


class Award(models.Model):
    """A badge held by a member: one row per member and badge, revoked rather than deleted,
    so its Open Badges assertion keeps answering (``revoked: true``)."""

    badge = models.ForeignKey(
        Badge, on_delete=models.PROTECT, related_name="awards", verbose_name=_("badge")
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="civic_awards",
        verbose_name=_("member"),
    )
    #: The contribution that earned it (a page, a comment...), when there is one.
    evidence_type = models.ForeignKey(
        "contenttypes.ContentType",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    evidence_id = models.CharField(max_length=64, blank=True)
    evidence_url = models.CharField(_("evidence"), max_length=500, blank=True)
    awarded_at = models.DateTimeField(_("awarded"), default=timezone.now)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revocation_reason = models.CharField(_("why revoked"), max_length=255, blank=True)
    #: Set for badges granted by hand.
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("granted by"),
    )
    reason = models.TextField(_("reason"), blank=True, max_length=1000)
    #: Public id of the Open Badges assertion (its URL).
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    #: Salt of the hashed recipient email in the assertion.
    salt = models.CharField(max_length=32, default=new_salt, editable=False)

    objects = AwardQuerySet.as_manager()

    class Meta:
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        ordering = ["-awarded_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["badge", "recipient"], name="civic_award_once")
        ]

    def __str__(self):
        return f"{self.badge} → {self.recipient}"

    @property
    def is_revoked(self):
        return self.revoked_at is not None


class Kudos(models.Model):
    """ "This helped me": one per member and item, counted for the item's author."""

    giver = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    #: The item's author when the kudos was given (whose contribution helped).
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.CASCADE,
        related_name="civic_kudos_received",
    )
    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("kudos")
        verbose_name_plural = _("kudos")
        constraints = [
            models.UniqueConstraint(
                fields=["giver", "content_type", "object_id"], name="civic_kudos_once"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="civic_kudos_item")]

    def __str__(self):
        return f"{self.giver_id} → {self.content_type_id}:{self.object_id}"
