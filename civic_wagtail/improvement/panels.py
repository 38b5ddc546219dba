"""What this app adds to other apps' pages through the core panel hooks.

- ``civic_wagtail_page_panels``: the competencies a practice, resource or event page is
  tagged with, and, on a practice page, a link to start an adoption tracker;
- ``civic_wagtail_public_profile_panels``: the summary of the assessment a member chose to
  show on their profile.
"""

from django.contrib.contenttypes.models import ContentType
from django.template.loader import render_to_string

from civic_wagtail.conf import civic_settings
from civic_wagtail.sections import section_page

from .models import Assessment, CompetencyTag
from .models.frameworks import localized_names


def _tagged_labels():
    return {label.lower() for label in civic_settings.IMPROVEMENT_RECOMMENDATION_MODELS.values()}


def competencies_panel(request, page):
    model = type(page)
    label = f"{model._meta.app_label}.{model._meta.model_name}"
    if label not in _tagged_labels():
        return None
    from .pages import ImprovementPage

    tags = list(
        CompetencyTag.objects.filter(
            content_type=ContentType.objects.get_for_model(model), object_id=page.pk
        ).select_related("competency")
    )
    improvement = section_page(request, ImprovementPage)
    base = ((improvement.get_url(request) or "/").rstrip("/") + "/") if improvement else None
    practice_label = civic_settings.IMPROVEMENT_RECOMMENDATION_MODELS.get("practice", "").lower()
    if not tags and not (base and label == practice_label):
        return None
    names = localized_names([tag.competency for tag in tags])
    return render_to_string(
        "civic_wagtail/improvement/includes/page_panel.html",
        {
            "competencies": sorted({names[tag.competency.pk] for tag in tags}),
            "base": base,
            "is_practice": label == practice_label,
            "page": page,
            "request": request,
        },
        request=request,
    )


def profile_summary_panel(request, profile):
    assessment = (
        Assessment.objects.filter(user_id=profile.user_id, show_on_profile=True)
        .select_related("framework")
        .order_by("-created_at", "-pk")
        .first()
    )
    if assessment is None:
        return None
    ratings = list(assessment.ratings.select_related("competency"))
    names = localized_names([r.competency for r in ratings])
    rows = [
        {"name": names[r.competency.pk], "level": r.level}
        for r in sorted(ratings, key=lambda r: (r.competency.sort_order or 0, r.competency.pk))
    ]
    return render_to_string(
        "civic_wagtail/improvement/includes/profile_panel.html",
        {"assessment": assessment, "rows": rows, "max_level": assessment.framework.levels.count()},
        request=request,
    )
