"""What closes a gap: practices, resources, upcoming events and mentors tagged with the
competency, each with the reason it is recommended.

Content of other apps is reached through ``apps.get_model`` only when the app is installed
(``CIVIC_WAGTAIL_IMPROVEMENT_RECOMMENDATION_MODELS``): one query for the tags of every gap,
then one per kind of content, whatever the number of gaps.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from civic_wagtail.conf import civic_settings

from .models import Competency, CompetencyTag

KIND_LABELS = {
    "practice": lambda: _("practice"),
    "resource": lambda: _("resource"),
    "event": lambda: _("event"),
    "mentor": lambda: _("mentor"),
}


@dataclass
class Recommendation:
    kind: str
    title: str
    url: str
    reason: str
    label: str = ""


@dataclass
class Gap:
    competency: Competency
    name: str
    level: int
    target: int
    max_level: int
    recommendations: list = field(default_factory=list)


def _models():
    found = {}
    for kind, label in civic_settings.IMPROVEMENT_RECOMMENDATION_MODELS.items():
        try:
            found[kind] = apps.get_model(label)
        except (LookupError, ValueError):
            continue
    return found


def _items(kind, model, ids, request):
    """``{pk: (title, url)}`` of the visible items of ``model`` among ``ids``."""
    if issubclass(model, Page):
        pages = model.objects.live().public().filter(pk__in=ids)
        if kind == "event" and hasattr(model, "last_end_utc"):
            pages = pages.exclude(last_end_utc__lt=timezone.now())
        return {page.pk: (page.title, page.get_url(request) or "") for page in pages}
    if model._meta.label_lower == "civic_wagtail_mentoring.mentorprofile":
        mentors = model.objects.listed().filter(pk__in=ids).select_related("user__civic_profile")
        base = _mentoring_base(request)
        return {
            mentor.pk: (mentor.display_name, f"{base}mentors/{mentor.pk}/" if base else "")
            for mentor in mentors
        }
    return {obj.pk: (str(obj), "") for obj in model.objects.filter(pk__in=ids)}


def _mentoring_base(request):
    from civic_wagtail.sections import section_page

    try:
        page_model = apps.get_model("civic_wagtail_mentoring", "MentoringPage")
    except LookupError:
        return ""
    page = section_page(request, page_model)
    return ((page.get_url(request) or "/").rstrip("/") + "/") if page else ""


def reason(gap, kind_label):
    return _(
        "You rated %(name)s %(level)s of %(max)s and aim for %(target)s; this %(kind)s is "
        "tagged %(name)s."
    ) % {
        "name": gap.name,
        "level": gap.level,
        "max": gap.max_level,
        "target": gap.target,
        "kind": kind_label,
    }


def recommend(gaps, request=None):
    """Fill each :class:`Gap`'s ``recommendations`` (a bounded number of queries)."""
    if not gaps:
        return gaps
    models = _models()
    if not models:
        return gaps
    content_types = {
        ContentType.objects.get_for_model(model).pk: kind for kind, model in models.items()
    }
    # Tags may point at a competency or at any of its translations.
    keys = {gap.competency.translation_key: gap for gap in gaps}
    tags = CompetencyTag.objects.filter(
        competency__translation_key__in=keys, content_type_id__in=content_types
    ).values_list("competency__translation_key", "content_type_id", "object_id")
    wanted = defaultdict(set)
    per_gap = defaultdict(list)
    for key, ct_id, object_id in tags:
        kind = content_types[ct_id]
        wanted[kind].add(object_id)
        per_gap[key].append((kind, object_id))
    found = {kind: _items(kind, models[kind], ids, request) for kind, ids in wanted.items()}
    limit = int(civic_settings.IMPROVEMENT_RECOMMENDATIONS_PER_KIND)
    for key, gap in keys.items():
        counts = defaultdict(int)
        seen = set()
        for kind, object_id in sorted(per_gap.get(key, []), key=lambda kv: (kv[0], kv[1])):
            item = found.get(kind, {}).get(object_id)
            if item is None or (kind, object_id) in seen or counts[kind] >= limit:
                continue
            seen.add((kind, object_id))
            counts[kind] += 1
            label = KIND_LABELS[kind]() if kind in KIND_LABELS else kind
            gap.recommendations.append(
                Recommendation(kind, item[0], item[1], reason(gap, label), label)
            )
    return gaps
