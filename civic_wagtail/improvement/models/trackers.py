"""Adoption trackers: a member's organisation puts a practice to work and measures it.

The tracker names the practice page (a plain foreign key to Wagtail's page: the library is
not imported), the organisation and place, and the indicators with a baseline; measurements
follow. :mod:`..casestudy` turns a finished tracker into a case-study draft for peer review.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

NUMBER = {"max_digits": 16, "decimal_places": 4}


class AdoptionTracker(models.Model):
    class Status(models.TextChoices):
        MEASURING = "measuring", _("Measuring")
        DONE = "done", _("Finished")
        SUBMITTED = "submitted", _("Case study submitted")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="improvement_trackers"
    )
    practice = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("practice adopted"),
    )
    title = models.CharField(_("what you are doing"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200)
    place = models.CharField(_("place"), max_length=200)
    challenge = models.TextField(_("the challenge"), blank=True, max_length=4000)
    what_was_done = models.TextField(_("what was done"), blank=True, max_length=4000)
    lessons = models.TextField(_("lessons"), blank=True, max_length=4000)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.MEASURING
    )
    started_on = models.DateField(_("started on"), default=timezone.localdate)
    case_study = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("adoption tracker")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title


class TrackerIndicator(models.Model):
    tracker = models.ForeignKey(
        AdoptionTracker, on_delete=models.CASCADE, related_name="indicators"
    )
    name = models.CharField(_("indicator"), max_length=200)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    baseline = models.DecimalField(_("baseline"), **NUMBER)
    target = models.DecimalField(_("target"), null=True, blank=True, **NUMBER)

    class Meta:
        verbose_name = _("tracked indicator")
        ordering = ["pk"]

    def __str__(self):
        return self.name


class Measurement(models.Model):
    indicator = models.ForeignKey(
        TrackerIndicator, on_delete=models.CASCADE, related_name="measurements"
    )
    date = models.DateField(_("date"), default=timezone.localdate)
    value = models.DecimalField(_("value"), **NUMBER)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("measurement")
        ordering = ["date", "pk"]

    def __str__(self):
        return f"{self.indicator_id} {self.date}: {self.value}"
