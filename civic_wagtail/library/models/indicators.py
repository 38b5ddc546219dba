"""The managed list of indicators that outcomes are measured against."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class Direction(models.TextChoices):
    """Which way an indicator improves."""

    LOWER = "lower", _("Lower is better")
    HIGHER = "higher", _("Higher is better")


class Indicator(TranslatableMixin, index.Indexed, models.Model):
    """A measure that several places report, such as "permit processing time (days)".

    Keeping indicators in one list (rather than free text on every outcome) is what makes
    outcomes comparable across places. The ``slug`` is shared by all translations and used
    in filter URLs (``?indicator=permit-processing-time``).
    """

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120)
    unit = models.CharField(
        _("unit"), max_length=60, blank=True, help_text=_("Default unit, e.g. days, %, EUR.")
    )
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction.choices, default=Direction.HIGHER
    )
    description = models.TextField(_("definition"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("unit"),
        FieldPanel("direction"),
        FieldPanel("description"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    override_translatable_fields = [
        TranslatableField("name"),
        TranslatableField("unit"),
        TranslatableField("description"),
        SynchronizedField("slug"),
        SynchronizedField("direction"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_indicator_slug_locale")
        ]

    def __str__(self):
        return f"{self.name} ({self.unit})" if self.unit else self.name
