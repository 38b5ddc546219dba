"""A team's assessment results, in aggregate only, computed in the database.

The lead never sees an individual's ratings: :func:`aggregate` returns per-competency
averages over each member's latest assessment of the framework, and nothing at all below
``CIVIC_WAGTAIL_IMPROVEMENT_TEAM_MIN_RESPONSES`` respondents. Two queries whatever the
number of members and assessments.
"""

from dataclasses import dataclass

from django.db.models import Avg, Count, F, OuterRef, Q, Subquery

from civic_wagtail.conf import civic_settings

from .models import Assessment, Rating, TeamMember
from .models.frameworks import localized_names


@dataclass
class Aggregate:
    respondents: int
    threshold: int
    rows: list

    @property
    def shown(self):
        return self.respondents >= self.threshold


def member_ids(team):
    """The lead and the members who accepted the invitation."""
    joined = TeamMember.objects.filter(team=team, joined_at__isnull=False).values("user_id")
    return Q(user_id=team.lead_id) | Q(user_id__in=joined)


def latest_assessments(team, framework):
    latest = (
        Assessment.objects.filter(user_id=OuterRef("user_id"), framework_id=framework.pk)
        .order_by("-created_at", "-pk")
        .values("pk")[:1]
    )
    return (
        Assessment.objects.filter(member_ids(team), framework_id=framework.pk)
        .annotate(latest=Subquery(latest))
        .filter(pk=F("latest"))
    )


def aggregate(team, framework):
    threshold = int(civic_settings.IMPROVEMENT_TEAM_MIN_RESPONSES)
    latest = latest_assessments(team, framework)
    respondents = latest.count()
    if respondents < threshold:
        return Aggregate(respondents, threshold, [])
    stats = {
        row["competency_id"]: row
        for row in Rating.objects.filter(assessment__in=latest.values("pk"))
        .values("competency_id")
        .annotate(
            average=Avg("level"),
            average_target=Avg("target"),
            with_gap=Count("pk", filter=Q(target__gt=F("level"))),
            answers=Count("pk"),
        )
        .order_by()
    }
    competencies = list(framework.competencies.all())
    names = localized_names(competencies)
    rows = []
    for competency in competencies:
        stat = stats.get(competency.pk)
        if stat is None:
            continue
        rows.append(
            {
                "name": names[competency.pk],
                "average": round(stat["average"], 1),
                "average_target": round(stat["average_target"], 1),
                "with_gap": stat["with_gap"],
                "answers": stat["answers"],
            }
        )
    return Aggregate(respondents, threshold, rows)
