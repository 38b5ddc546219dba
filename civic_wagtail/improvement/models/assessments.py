"""Self-assessments: a member's ratings of every competency of a framework, kept with their
date so that each new one is compared with the earlier ones.

An assessment is private. Its owner may share it with one mentor (the guardian object
permission ``view_assessment``, in the direct-foreign-key table below so that it is deleted
with the assessment) or show a summary on their public profile (``show_on_profile``).
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from .frameworks import Competency, Framework


class Assessment(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="improvement_assessments",
    )
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="assessments")
    created_at = models.DateTimeField(_("taken on"), default=timezone.now, db_index=True)
    #: The mentor it is shared with (the object permission is the access; this names them).
    shared_with = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("shared with"),
    )
    show_on_profile = models.BooleanField(_("show a summary on my profile"), default=False)

    class Meta:
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "framework", "-created_at"])]

    def __str__(self):
        return f"{self.framework} ({self.created_at:%Y-%m-%d})"


class Rating(models.Model):
    class Confidence(models.IntegerChoices):
        UNSURE = 1, _("Not sure")
        FAIRLY = 2, _("Fairly sure")
        SURE = 3, _("Sure")

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="ratings")
    competency = models.ForeignKey(Competency, on_delete=models.CASCADE, related_name="+")
    level = models.PositiveSmallIntegerField(_("level"), validators=[MinValueValidator(1)])
    target = models.PositiveSmallIntegerField(_("target level"), validators=[MinValueValidator(1)])
    confidence = models.PositiveSmallIntegerField(
        _("how sure are you?"), choices=Confidence.choices, default=Confidence.FAIRLY
    )
    evidence = models.TextField(_("evidence"), blank=True, max_length=2000)

    class Meta:
        verbose_name = _("rating")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "competency"], name="one_rating_per_competency"
            )
        ]

    def __str__(self):
        return f"{self.competency_id}: {self.level} -> {self.target}"

    @property
    def gap(self):
        return max(0, self.target - self.level)


class AssessmentUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Assessment, on_delete=models.CASCADE)


class AssessmentGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Assessment, on_delete=models.CASCADE)
