"""This app's part of a member's data: the export (``civic_wagtail_export_member``, also
offered on the app's own "Your data" page as CSV and JSON) and erasure
(``civic_wagtail_erase_member``).

Assessments, goals, check-ins, trackers and teams the member leads go with the account
(CASCADE). Erasure also removes the comments the member wrote on others' check-ins and
takes back what others shared with them, in the same transaction.
"""

from .models import (
    AdoptionTracker,
    Assessment,
    AssessmentUserObjectPermission,
    CheckIn,
    Goal,
    GoalComment,
    GoalUserObjectPermission,
    Measurement,
    Milestone,
    Rating,
    TeamMember,
)


def export_member(user):
    return {
        "improvement_assessments": list(
            Assessment.objects.filter(user=user)
            .order_by("created_at", "pk")
            .values("id", "framework__name", "created_at", "show_on_profile", "shared_with_id")
        ),
        "improvement_ratings": list(
            Rating.objects.filter(assessment__user=user)
            .order_by("assessment_id", "pk")
            .values(
                "id",
                "assessment_id",
                "competency__name",
                "level",
                "target",
                "confidence",
                "evidence",
            )
        ),
        "improvement_goals": list(
            Goal.objects.filter(user=user)
            .order_by("pk")
            .values(
                "id",
                "title",
                "why",
                "kind",
                "indicator",
                "unit",
                "baseline",
                "target",
                "start_date",
                "due_date",
                "status",
                "shared_with_id",
                "created_at",
            )
        ),
        "improvement_milestones": list(
            Milestone.objects.filter(goal__user=user)
            .order_by("goal_id", "position", "pk")
            .values("id", "goal_id", "title", "done_on")
        ),
        "improvement_checkins": list(
            CheckIn.objects.filter(goal__user=user)
            .order_by("goal_id", "date", "pk")
            .values("id", "goal_id", "date", "value", "note", "confidence")
        ),
        "improvement_comments": list(
            GoalComment.objects.filter(author=user)
            .order_by("pk")
            .values("id", "checkin_id", "body", "created_at")
        ),
        "improvement_trackers": list(
            AdoptionTracker.objects.filter(user=user)
            .order_by("pk")
            .values(
                "id",
                "title",
                "practice_id",
                "organisation",
                "place",
                "status",
                "started_on",
                "challenge",
                "what_was_done",
                "lessons",
            )
        ),
        "improvement_measurements": list(
            Measurement.objects.filter(indicator__tracker__user=user)
            .order_by("indicator_id", "date", "pk")
            .values(
                "id",
                "indicator__tracker_id",
                "indicator__name",
                "indicator__unit",
                "indicator__baseline",
                "date",
                "value",
                "note",
            )
        ),
        "improvement_teams": list(
            TeamMember.objects.filter(user=user).values("team__name", "invited_at", "joined_at")
        ),
    }


def erase_member(user):
    GoalComment.objects.filter(author=user).delete()
    AssessmentUserObjectPermission.objects.filter(user=user).delete()
    GoalUserObjectPermission.objects.filter(user=user).delete()
    Assessment.objects.filter(shared_with=user).update(shared_with=None)
    Goal.objects.filter(shared_with=user).update(shared_with=None)
