"""Goals with a measurable target or milestones, their check-ins and mentors' comments.

A goal's state (progress, "on track", "at risk", "overdue", "achieved") is computed from its
latest check-in by :mod:`..progress`, never stored. A goal shared with a mentor carries the
guardian object permission ``view_goal`` for them (direct-foreign-key table: deleted with the
goal); the mentor may then read it and comment on its check-ins.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from .frameworks import Competency

NUMBER = {"max_digits": 16, "decimal_places": 4}


class Goal(models.Model):
    class Kind(models.TextChoices):
        TARGET = "target", _("A measurable target")
        MILESTONES = "milestones", _("A checklist of milestones")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        ACHIEVED = "achieved", _("Achieved")
        DROPPED = "dropped", _("Dropped")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="improvement_goals"
    )
    title = models.CharField(_("title"), max_length=200)
    why = models.TextField(_("why it matters"), blank=True, max_length=4000)
    kind = models.CharField(_("kind of goal"), max_length=12, choices=Kind.choices)
    indicator = models.CharField(_("indicator"), max_length=200, blank=True)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    baseline = models.DecimalField(_("baseline"), null=True, blank=True, **NUMBER)
    target = models.DecimalField(_("target"), null=True, blank=True, **NUMBER)
    start_date = models.DateField(_("start date"), default=timezone.localdate)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    competency = models.ForeignKey(
        Competency,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("competency it develops"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    shared_with = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("shared with"),
    )
    #: The mentorship whose free-text goals this goal was made from (migration 0002).
    source_mentorship_id = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["due_date", "-created_at", "-pk"]

    def __str__(self):
        return self.title


class Milestone(models.Model):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("milestone"), max_length=200)
    position = models.PositiveSmallIntegerField(default=0)
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        verbose_name = _("milestone")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title


class CheckIn(models.Model):
    class Confidence(models.IntegerChoices):
        LOW = 1, _("Low")
        MEDIUM = 2, _("Medium")
        HIGH = 3, _("High")

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="checkins")
    date = models.DateField(_("date"), default=timezone.localdate)
    value = models.DecimalField(_("value"), null=True, blank=True, **NUMBER)
    milestones_done = models.ManyToManyField(
        Milestone, blank=True, related_name="+", verbose_name=_("milestones ticked")
    )
    note = models.TextField(_("note"), blank=True, max_length=2000)
    confidence = models.PositiveSmallIntegerField(
        _("confidence"), choices=Confidence.choices, default=Confidence.MEDIUM
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("check-in")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.goal_id} {self.date}"


class GoalComment(models.Model):
    checkin = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    body = models.TextField(_("comment"), max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("comment on a check-in")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.body[:40]


class ReminderSetting(models.Model):
    """How often a member is reminded to check in on their active goals."""

    class Frequency(models.TextChoices):
        WEEKLY = "weekly", _("Every week")
        MONTHLY = "monthly", _("Every month")
        NEVER = "never", _("Never")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="improvement_reminders"
    )
    frequency = models.CharField(
        _("remind me"), max_length=10, choices=Frequency.choices, default=Frequency.NEVER
    )
    last_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("goal reminder setting")

    def __str__(self):
        return f"{self.user_id}: {self.frequency}"


class GoalUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Goal, on_delete=models.CASCADE)


class GoalGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Goal, on_delete=models.CASCADE)
