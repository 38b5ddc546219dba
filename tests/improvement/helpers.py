"""Test helpers for the improvement app."""

import datetime

from django.utils import timezone
from wagtail.models import Locale

from civic_wagtail.improvement.models import (
    Assessment,
    Competency,
    Framework,
    FrameworkLevel,
    Rating,
)


def make_framework(name="Digital", levels=4, competencies=("Data literacy", "User research")):
    locale = Locale.get_default()
    framework = Framework(name=name, description="d", locale=locale)
    framework.levels = [
        FrameworkLevel(name=f"Level {n}", sort_order=n, locale=locale) for n in range(levels)
    ]
    framework.competencies = [
        Competency(
            name=c,
            group="G",
            sort_order=n,
            locale=locale,
            descriptors=[("level", f"{c} at {k}") for k in range(1, levels + 1)],
        )
        for n, c in enumerate(competencies)
    ]
    framework.save()
    return framework


def make_assessment(user, framework, levels, targets=None, days_ago=0):
    """An assessment of ``user``: ``levels`` (and ``targets``) in competency order."""
    assessment = Assessment.objects.create(
        user=user,
        framework=framework,
        created_at=timezone.now() - datetime.timedelta(days=days_ago),
    )
    competencies = list(framework.competencies.all())
    targets = targets or levels
    Rating.objects.bulk_create(
        Rating(assessment=assessment, competency=c, level=level, target=target)
        for c, level, target in zip(competencies, levels, targets, strict=True)
    )
    return assessment


def assessment_post(framework, levels, targets):
    data = {}
    for competency, level, target in zip(
        framework.competencies.all(), levels, targets, strict=True
    ):
        data[f"c{competency.pk}_level"] = str(level)
        data[f"c{competency.pk}_target"] = str(target)
        data[f"c{competency.pk}_confidence"] = "2"
        data[f"c{competency.pk}_evidence"] = ""
    return data
