"""Measurable outcomes: ordered rows of indicator, baseline, target, actual and period.

Rows are inline child models of practice and case-study pages. Their text (unit, notes) is
translated with wagtail-localize; numbers, dates, the direction and the indicator are
synchronised, so every translation reports the same measurements.
"""

from decimal import Decimal

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .indicators import Direction

NUMBER = {"max_digits": 16, "decimal_places": 4, "null": True, "blank": True}


class AbstractOutcome(TranslatableMixin, Orderable):
    """One measured result. Subclasses add ``page = ParentalKey(..., related_name="outcomes")``.

    An outcome is *comparable* when it has both a baseline (not zero) and an actual value:
    only then can its relative change be computed. Rows with an actual value and no baseline
    are accepted and shown, flagged as not comparable.
    """

    indicator = models.ForeignKey(
        "civic_wagtail_library.Indicator",
        verbose_name=_("indicator"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    unit = models.CharField(
        _("unit"), max_length=60, blank=True, help_text=_("Leave blank to use the indicator's.")
    )
    direction = models.CharField(
        _("direction"),
        max_length=10,
        choices=Direction.choices,
        blank=True,
        help_text=_("Leave blank to use the indicator's."),
    )
    baseline = models.DecimalField(_("baseline"), **NUMBER)
    target = models.DecimalField(_("target"), **NUMBER)
    actual = models.DecimalField(_("actual"), **NUMBER)
    period_start = models.DateField(_("period start"), null=True, blank=True)
    period_end = models.DateField(_("period end"), null=True, blank=True)
    evidence_url = models.URLField(_("evidence link"), blank=True)
    evidence_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("evidence document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    notes = models.TextField(_("notes"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("indicator"), FieldPanel("unit"), FieldPanel("direction")]),
        FieldRowPanel([FieldPanel("baseline"), FieldPanel("target"), FieldPanel("actual")]),
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
        MultiFieldPanel(
            [FieldPanel("evidence_url"), FieldPanel("evidence_document"), FieldPanel("notes")],
            heading=_("Evidence"),
        ),
    ]
    override_translatable_fields = [
        TranslatableField("unit"),
        TranslatableField("notes"),
        SynchronizedField("indicator"),
        SynchronizedField("direction"),
        SynchronizedField("baseline"),
        SynchronizedField("target"),
        SynchronizedField("actual"),
        SynchronizedField("period_start"),
        SynchronizedField("period_end"),
        SynchronizedField("evidence_url"),
        SynchronizedField("evidence_document"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order"]

    def __str__(self):
        return str(self.indicator) if self.indicator_id else str(_("outcome"))

    def clean(self):
        super().clean()
        errors = {}
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = _(
                "The period cannot end before it starts: use a date on or after %(start)s."
            ) % {"start": self.period_start.isoformat()}
        if self.baseline is None and self.target is None and self.actual is None:
            errors["actual"] = _("Give at least a baseline, a target or an actual value.")
        if errors:
            raise ValidationError(errors)

    def _get_indicator(self):
        try:
            return self.indicator
        except ObjectDoesNotExist:
            return None

    def get_unit(self):
        """The row's unit, or its indicator's."""
        return self.unit or getattr(self._get_indicator(), "unit", "")

    def get_direction(self):
        """``"lower"`` or ``"higher"``: the row's direction, or its indicator's."""
        return self.direction or getattr(self._get_indicator(), "direction", "")

    @property
    def is_comparable(self):
        """True when a relative change can be computed (baseline and actual, baseline not 0)."""
        return self.baseline is not None and self.actual is not None and self.baseline != 0

    @property
    def relative_change(self):
        """``(actual - baseline) / |baseline|`` as a Decimal fraction, or ``None``."""
        return relative_change(self.baseline, self.actual)

    @property
    def improved(self):
        """True, False, or None when not comparable: did the value move the right way?"""
        change = self.relative_change
        if change is None or change == 0:
            return None if change is None else False
        return (change < 0) if self.get_direction() == Direction.LOWER else (change > 0)


def relative_change(baseline, actual):
    """The signed relative change from ``baseline`` to ``actual``, or ``None``."""
    if baseline is None or actual is None or baseline == 0:
        return None
    return (Decimal(actual) - Decimal(baseline)) / abs(Decimal(baseline))
