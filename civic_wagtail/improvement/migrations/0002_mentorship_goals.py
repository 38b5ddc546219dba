"""Mentorship goals become goal records.

Each mentorship with free-text ``goals`` gets one :class:`Goal` for the mentee, made of
milestones (one per line of the text), keeping the whole text in ``why``, linked back by
``source_mentorship_id`` and shared with the mentor (guardian ``view_goal``). The mentorship's
text is left as it was. Backwards, the goals made here are deleted (and with them their
milestones and permission rows); the text is still on the mentorship.

The migration depends on the mentoring app's migrations only when mentoring is installed: a
site may install improvement without mentoring, and then there is nothing to copy.
"""

from django.apps import apps as global_apps
from django.db import migrations

TITLE_LENGTH = 200


def _lines(text):
    return [line.strip(" -*•\t") for line in text.splitlines() if line.strip(" -*•\t")]


def copy_goals(apps, schema_editor):
    try:
        Mentorship = apps.get_model("civic_wagtail_mentoring", "Mentorship")  # noqa: N806
    except LookupError:
        return
    Goal = apps.get_model("civic_wagtail_improvement", "Goal")  # noqa: N806
    Milestone = apps.get_model("civic_wagtail_improvement", "Milestone")  # noqa: N806
    Permission = apps.get_model("auth", "Permission")  # noqa: N806
    ContentType = apps.get_model("contenttypes", "ContentType")  # noqa: N806
    UserPermission = apps.get_model(  # noqa: N806
        "civic_wagtail_improvement", "GoalUserObjectPermission"
    )
    content_type, _created = ContentType.objects.get_or_create(
        app_label="civic_wagtail_improvement", model="goal"
    )
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type, codename="view_goal", defaults={"name": "Can view goal"}
    )
    done = set(
        Goal.objects.filter(source_mentorship_id__isnull=False).values_list(
            "source_mentorship_id", flat=True
        )
    )
    mentorships = (
        Mentorship.objects.exclude(goals="")
        .exclude(pk__in=done)
        .select_related("mentor")
        .order_by("pk")
    )
    for mentorship in mentorships.iterator():
        text = mentorship.goals.strip()
        lines = _lines(text)
        if not lines:
            continue
        start = mentorship.start_date or mentorship.requested_at.date()
        goal = Goal.objects.create(
            user_id=mentorship.mentee_id,
            title=lines[0][:TITLE_LENGTH],
            why=text,
            kind="milestones",
            start_date=start,
            due_date=mentorship.end_date if mentorship.end_date and mentorship.end_date > start else None,
            status="active" if mentorship.status in ("accepted", "active") else (
                "achieved" if mentorship.status == "completed" else "dropped"
            ),
            shared_with_id=mentorship.mentor.user_id,
            source_mentorship_id=mentorship.pk,
            created_at=mentorship.requested_at,
        )
        Milestone.objects.bulk_create(
            Milestone(goal=goal, title=line[:TITLE_LENGTH], position=n)
            for n, line in enumerate(lines)
        )
        UserPermission.objects.create(
            content_object=goal, user_id=mentorship.mentor.user_id, permission=permission
        )


def remove_goals(apps, schema_editor):
    Goal = apps.get_model("civic_wagtail_improvement", "Goal")  # noqa: N806
    Goal.objects.filter(source_mentorship_id__isnull=False).delete()


class Migration(migrations.Migration):
    dependencies = [("civic_wagtail_improvement", "0001_initial")]
    if global_apps.is_installed("civic_wagtail.mentoring"):
        dependencies.append(("civic_wagtail_mentoring", "0001_initial"))

    operations = [migrations.RunPython(copy_goals, remove_goals, elidable=False)]
