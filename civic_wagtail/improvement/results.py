"""The results page's numbers: today's assessment against every earlier one of the same
framework, per competency, with the change; and the SVG chart drawn from them.

:func:`build` costs a fixed number of queries whatever the number of assessments and
competencies: the member's assessments of the framework, all their ratings, the
framework's levels and competencies, and the competency names in the active language.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from .models import Assessment, Rating
from .models.frameworks import localized_names
from .recommendations import Gap

#: Chart geometry (SVG user units).
LABEL_WIDTH = 180
PLOT_WIDTH = 300
ROW_HEIGHT = 34
TOP = 30


@dataclass
class Row:
    competency: object
    name: str
    group: str
    history: list  # one level (or None) per assessment, oldest first
    level: int | None
    target: int | None
    confidence: str = ""
    evidence: str = ""
    change: int | None = None
    change_since_first: int | None = None
    points: list = field(default_factory=list)
    y: int = 0


@dataclass
class Results:
    assessment: Assessment
    assessments: list
    levels: list
    rows: list
    gaps: list

    @property
    def max_level(self):
        return len(self.levels)

    @property
    def chart_height(self):
        return TOP + ROW_HEIGHT * len(self.rows) + 20

    @property
    def chart_width(self):
        return LABEL_WIDTH + PLOT_WIDTH + 20

    @property
    def ticks(self):
        return [
            {"x": x_of(n, self.max_level), "label": n, "name": level.name}
            for n, level in enumerate(self.levels, start=1)
        ]


def x_of(level, max_level):
    if max_level <= 1:
        return LABEL_WIDTH
    return LABEL_WIDTH + round((level - 1) * PLOT_WIDTH / (max_level - 1))


def build(assessment):
    """:class:`Results` of ``assessment``, compared with the member's earlier ones."""
    framework = assessment.framework
    history = list(
        Assessment.objects.filter(
            user_id=assessment.user_id,
            framework_id=assessment.framework_id,
            created_at__lte=assessment.created_at,
        ).order_by("created_at", "pk")
    )
    history = [a for a in history if a.created_at < assessment.created_at or a.pk <= assessment.pk]
    ratings = defaultdict(dict)
    for rating in Rating.objects.filter(assessment__in=[a.pk for a in history]):
        ratings[rating.assessment_id][rating.competency_id] = rating
    levels = list(framework.levels.all())
    competencies = list(framework.competencies.all())
    names = localized_names(competencies)
    max_level = len(levels)
    confidence = dict(Rating.Confidence.choices)
    rows, gaps = [], []
    for index, competency in enumerate(competencies):
        levels_over_time = [
            getattr(ratings[a.pk].get(competency.pk), "level", None) for a in history
        ]
        current = ratings[assessment.pk].get(competency.pk)
        row = Row(
            competency=competency,
            name=names.get(competency.pk, competency.name),
            group=competency.group,
            history=levels_over_time,
            level=current.level if current else None,
            target=current.target if current else None,
            confidence=str(confidence.get(current.confidence, "")) if current else "",
            evidence=current.evidence if current else "",
            y=TOP + index * ROW_HEIGHT + ROW_HEIGHT // 2,
        )
        earlier = [lvl for lvl in levels_over_time[:-1] if lvl is not None]
        if row.level is not None and earlier:
            row.change = row.level - earlier[-1]
            row.change_since_first = row.level - earlier[0]
        count = len(history)
        row.points = [
            {
                "x": x_of(lvl, max_level),
                "level": lvl,
                "latest": i == count - 1,
                "date": history[i].created_at,
                "opacity": round(0.25 + 0.75 * (i + 1) / count, 2),
            }
            for i, lvl in enumerate(levels_over_time)
            if lvl is not None
        ]
        if row.target is not None:
            row.target_x = x_of(min(row.target, max_level), max_level)
        rows.append(row)
        if current and current.target > current.level:
            gaps.append(Gap(competency, row.name, current.level, current.target, max_level))
    return Results(assessment, history, levels, rows, gaps)
