"""A goal's progress and state, computed from its latest check-in (never stored).

:func:`with_progress` annotates a goal queryset in the database (latest value, confidence
and date, milestones done and total) so that a list of any length costs one query; then
:func:`state_of` computes, for one goal:

- ``progress``: for a target, how far the latest value has moved from the baseline to the
  target (0 to 1); for milestones, the share ticked;
- ``state``: ``achieved`` (status, or progress complete), ``overdue`` (due date passed,
  not complete), ``at_risk`` (progress lags the time elapsed by more than
  ``CIVIC_WAGTAIL_IMPROVEMENT_AT_RISK_MARGIN``, or the latest check-in has low confidence),
  else ``on_track``. A dropped goal is ``dropped``.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civic_wagtail.conf import civic_settings

from .models import CheckIn, Goal, Milestone

STATES = {
    "on_track": _("On track"),
    "at_risk": _("At risk"),
    "overdue": _("Overdue"),
    "achieved": _("Achieved"),
    "dropped": _("Dropped"),
}


def with_progress(goals):
    latest = CheckIn.objects.filter(goal=OuterRef("pk")).order_by("-date", "-pk")
    milestones = Milestone.objects.filter(goal=OuterRef("pk")).order_by().values("goal")
    return goals.annotate(
        latest_value=Subquery(latest.values("value")[:1]),
        latest_confidence=Subquery(latest.values("confidence")[:1]),
        latest_date=Subquery(latest.values("date")[:1]),
        milestones_total=Coalesce(
            Subquery(
                milestones.annotate(n=Count("pk")).values("n")[:1], output_field=IntegerField()
            ),
            0,
        ),
        milestones_ticked=Coalesce(
            Subquery(
                milestones.filter(done_on__isnull=False).annotate(n=Count("pk")).values("n")[:1],
                output_field=IntegerField(),
            ),
            0,
        ),
    )


@dataclass(frozen=True)
class GoalState:
    progress: float | None
    state: str

    @property
    def label(self):
        return STATES[self.state]

    @property
    def percent(self):
        return None if self.progress is None else round(self.progress * 100)


def _target_progress(goal, value):
    if value is None or goal.target is None:
        return None
    baseline = goal.baseline if goal.baseline is not None else Decimal(0)
    span = Decimal(goal.target) - Decimal(baseline)
    if span == 0:
        return 1.0
    return float(min(Decimal(1), max(Decimal(0), (Decimal(value) - baseline) / span)))


def progress_of(goal):
    if goal.kind == Goal.Kind.MILESTONES:
        total = getattr(goal, "milestones_total", None)
        if total is None:
            total = goal.milestones.count()
            ticked = goal.milestones.filter(done_on__isnull=False).count()
        else:
            ticked = goal.milestones_ticked
        return (ticked / total) if total else None
    value = getattr(goal, "latest_value", None)
    if not hasattr(goal, "latest_value"):
        latest = goal.checkins.order_by("-date", "-pk").first()
        value = latest.value if latest else None
    return _target_progress(goal, value)


def state_of(goal, today=None):
    today = today or timezone.localdate()
    progress = progress_of(goal)
    if goal.status == Goal.Status.DROPPED:
        return GoalState(progress, "dropped")
    if goal.status == Goal.Status.ACHIEVED or (progress is not None and progress >= 1):
        return GoalState(progress, "achieved")
    if goal.due_date and goal.due_date < today:
        return GoalState(progress, "overdue")
    confidence = getattr(goal, "latest_confidence", None)
    if confidence == CheckIn.Confidence.LOW:
        return GoalState(progress, "at_risk")
    if goal.due_date and goal.due_date > goal.start_date:
        elapsed = (today - goal.start_date).days / (goal.due_date - goal.start_date).days
        elapsed = min(1.0, max(0.0, elapsed))
        if elapsed - (progress or 0.0) > float(civic_settings.IMPROVEMENT_AT_RISK_MARGIN):
            return GoalState(progress, "at_risk")
    return GoalState(progress, "on_track")


def attach_states(goals, today=None):
    """``goals`` (annotated by :func:`with_progress`) as a list, each with ``.state``."""
    goals = list(goals)
    for goal in goals:
        goal.state = state_of(goal, today)
    return goals


def active_filter():
    return Q(status=Goal.Status.ACTIVE)
