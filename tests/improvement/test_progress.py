"""Computed goal state: progress, on track, at risk, overdue, achieved."""

import datetime
from decimal import Decimal

import pytest

from civic_wagtail.improvement.models import CheckIn, Goal
from civic_wagtail.improvement.progress import attach_states, state_of, with_progress

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 6, 1)
DAY = datetime.timedelta(days=1)


def goal(owner, **kwargs):
    fields = {
        "title": "g",
        "kind": "target",
        "indicator": "i",
        "baseline": Decimal(0),
        "target": Decimal(10),
        "start_date": TODAY - 50 * DAY,
        "due_date": TODAY + 50 * DAY,
        **kwargs,
    }
    return Goal.objects.create(user=owner, **fields)


def state(g):
    return state_of(with_progress(Goal.objects.filter(pk=g.pk)).get(), TODAY)


def test_states(owner):
    on_track = goal(owner)
    CheckIn.objects.create(goal=on_track, date=TODAY, value=5, confidence=2)
    assert (state(on_track).state, state(on_track).percent) == ("on_track", 50)

    lagging = goal(owner)
    CheckIn.objects.create(goal=lagging, date=TODAY, value=2, confidence=3)
    assert state(lagging).state == "at_risk"

    unsure = goal(owner)
    CheckIn.objects.create(goal=unsure, date=TODAY, value=6, confidence=1)
    assert state(unsure).state == "at_risk"

    late = goal(owner, due_date=TODAY - DAY)
    CheckIn.objects.create(goal=late, date=TODAY, value=9)
    assert state(late).state == "overdue"

    done = goal(owner, due_date=TODAY - DAY)
    CheckIn.objects.create(goal=done, date=TODAY, value=12)
    assert (state(done).state, state(done).percent) == ("achieved", 100)

    downwards = goal(owner, baseline=Decimal(40), target=Decimal(20))
    CheckIn.objects.create(goal=downwards, date=TODAY, value=30)
    assert state(downwards).percent == 50

    dropped = goal(owner, status="dropped")
    assert state(dropped).state == "dropped"


def test_latest_checkin_counts(owner):
    g = goal(owner)
    CheckIn.objects.create(goal=g, date=TODAY - 10 * DAY, value=9)
    CheckIn.objects.create(goal=g, date=TODAY, value=4)
    assert state(g).percent == 40
    [annotated] = attach_states(with_progress(Goal.objects.filter(pk=g.pk)), TODAY)
    assert annotated.state.percent == 40
