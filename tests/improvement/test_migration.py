"""Migration 0002 turns mentorship free-text goals into goal records, forwards and backwards,
on data, with Django's MigrationExecutor."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from civic_wagtail.mentoring.models import Mentorship
from tests.factories import member
from tests.mentoring.helpers import make_mentor

pytestmark = pytest.mark.django_db(transaction=True)

APP = "civic_wagtail_improvement"
BEFORE = [(APP, "0001_initial")]
AFTER = [(APP, "0002_mentorship_goals")]
TEXT = "Learn to run user interviews\n- Interview five residents\n* Share what we heard"


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def test_mentorship_goals_become_goals_and_go_back():
    old_apps = migrate(BEFORE)
    mentor = make_mentor("mentor_mig")
    mentee = member(username="mentee_mig")
    with_goals = Mentorship.objects.create(
        mentor=mentor, mentee=mentee, message="Hi", status="active", goals=TEXT
    )
    Mentorship.objects.create(
        mentor=make_mentor("mentor_empty"),
        mentee=mentee,
        message="Hi",
        status="requested",
        goals="",
    )
    assert old_apps.get_model(APP, "Goal").objects.count() == 0

    new_apps = migrate(AFTER)
    Goal = new_apps.get_model(APP, "Goal")  # noqa: N806
    goal = Goal.objects.get()
    assert goal.user_id == mentee.pk
    assert goal.why == TEXT  # the text is kept whole
    assert goal.title == "Learn to run user interviews"
    assert goal.source_mentorship_id == with_goals.pk
    assert goal.shared_with_id == mentor.user_id
    assert goal.status == "active"
    assert list(goal.milestones.order_by("position").values_list("title", flat=True)) == [
        "Learn to run user interviews",
        "Interview five residents",
        "Share what we heard",
    ]
    Permission = new_apps.get_model(APP, "GoalUserObjectPermission")  # noqa: N806
    assert Permission.objects.filter(
        content_object_id=goal.pk, user_id=mentor.user_id, permission__codename="view_goal"
    ).exists()
    # The mentorship keeps its text.
    assert Mentorship.objects.get(pk=with_goals.pk).goals == TEXT

    migrate(BEFORE)
    assert old_apps.get_model(APP, "Goal").objects.count() == 0
    assert Mentorship.objects.get(pk=with_goals.pk).goals == TEXT

    # Forwards again: the same result (nothing doubled).
    new_apps = migrate(AFTER)
    assert new_apps.get_model(APP, "Goal").objects.count() == 1
