"""Frameworks, taking a self-assessment, its results with recommendations, sharing."""

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _
from wagtail.models import Locale

from civic_wagtail.members.models import get_profile

from .. import access
from .. import results as results_module
from ..forms import AssessmentForm, ShareForm
from ..models import Assessment, Framework, Rating
from ..models.frameworks import localized_names
from ..recommendations import recommend
from .common import go, login_needed, only, own, render, throttled


def source_frameworks():
    """Frameworks members assess against: the default-locale rows that are open."""
    return Framework.objects.filter(live=True, locale=Locale.get_default())


def _localized(framework):
    """The framework's row in the active language (for its name and description)."""
    try:
        return framework.get_translation(Locale.get_active())
    except (Framework.DoesNotExist, Locale.DoesNotExist):
        return framework


def index(request, page):
    frameworks = list(source_frameworks())
    localized = {
        row.translation_key: row
        for row in Framework.objects.filter(
            translation_key__in=[f.translation_key for f in frameworks], locale=Locale.get_active()
        )
    }
    frameworks = [localized.get(f.translation_key, f) for f in frameworks]
    ids = {f.translation_key: f.pk for f in source_frameworks()}
    context = {"frameworks": [(f, ids[f.translation_key]) for f in frameworks]}
    if request.user.is_authenticated:
        from ..dashboard import summary

        context.update(summary(request))
    return render(request, page, "index.html", context, private=request.user.is_authenticated)


def _framework(pk):
    framework = source_frameworks().filter(pk=pk).first()
    if framework is None:
        raise Http404
    return framework


def framework_detail(request, page, pk):
    framework = _framework(pk)
    shown = _localized(framework)
    levels = list(shown.levels.all())
    competencies = list(shown.competencies.all())
    return render(
        request,
        page,
        "framework.html",
        {"framework": shown, "source": framework, "levels": levels, "competencies": competencies},
        private=False,
    )


def assess(request, page, pk):
    denied = login_needed(request) or only(request, "GET", "POST")
    if denied:
        return denied
    framework = _framework(pk)
    shown = _localized(framework)
    levels = list(shown.levels.all())
    competencies = list(framework.competencies.all())
    names = localized_names(competencies)
    descriptors = {c.translation_key: c for c in shown.competencies.all()}
    for competency in competencies:
        translated = descriptors.get(competency.translation_key)
        if translated is not None and translated.pk != competency.pk:
            competency.descriptors = translated.descriptors
    latest = (
        Assessment.objects.filter(user=request.user, framework=framework)
        .order_by("-created_at", "-pk")
        .first()
    )
    previous = {r.competency_id: r for r in latest.ratings.all()} if latest else {}
    form = AssessmentForm(
        request.POST if request.method == "POST" else None,
        framework=framework,
        competencies=competencies,
        levels=levels,
        names=names,
        previous=previous,
    )
    if request.method == "POST":
        limited = throttled(request)
        if limited:
            return limited
        if form.is_valid():
            with transaction.atomic():
                assessment = Assessment.objects.create(user=request.user, framework=framework)
                Rating.objects.bulk_create(
                    Rating(assessment=assessment, **row) for row in form.ratings()
                )
            messages.success(request, _("Your self-assessment is saved. Here are your results."))
            return go(request, page, "results", assessment.pk)
    return render(
        request,
        page,
        "assess.html",
        {"framework": shown, "form": form, "levels": levels},
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


def assessment_list(request, page):
    denied = login_needed(request)
    if denied:
        return denied
    mine = list(
        Assessment.objects.filter(user=request.user)
        .select_related("framework", "shared_with")
        .order_by("-created_at", "-pk")
    )
    shared = list(
        access.shared_with_me(Assessment, request.user)
        .select_related("framework", "user__civic_profile")
        .order_by("-created_at", "-pk")
    )
    return render(request, page, "assessments.html", {"mine": mine, "shared": shared})


def _viewable_assessment(request, pk):
    assessment = (
        Assessment.objects.filter(pk=pk).select_related("framework", "user__civic_profile").first()
    )
    if assessment is None or not access.can_view(assessment, request.user):
        raise Http404
    return assessment


def results(request, page, pk):
    denied = login_needed(request)
    if denied:
        return denied
    assessment = _viewable_assessment(request, pk)
    data = results_module.build(assessment)
    recommend(data.gaps, request)
    owner = assessment.user_id == request.user.pk
    context = {
        "assessment": assessment,
        "framework": _localized(assessment.framework),
        "results": data,
        "owner": owner,
        "owner_name": get_profile(assessment.user).display_name if not owner else "",
    }
    if owner:
        context["share_form"] = ShareForm(
            mentors=access.mentors_of(request.user),
            with_profile=True,
            initial={
                "mentor": assessment.shared_with_id,
                "show_on_profile": assessment.show_on_profile,
            },
        )
    return render(request, page, "results.html", context)


def share_assessment(request, page, pk):
    denied = login_needed(request) or only(request, "POST")
    if denied:
        return denied
    assessment = own(Assessment.objects.select_related("shared_with"), request, pk)
    form = ShareForm(request.POST, mentors=access.mentors_of(request.user), with_profile=True)
    if not form.is_valid():
        return render(
            request,
            page,
            "error.html",
            {"message": _("Choose one of your mentors, or nobody.")},
            status=400,
        )
    with transaction.atomic():
        access.share(assessment, form.cleaned_data["mentor"])
        assessment.show_on_profile = form.cleaned_data["show_on_profile"]
        assessment.save(update_fields=["show_on_profile"])
    messages.success(request, _("Sharing updated."))
    return go(request, page, "results", pk)


def delete_assessment(request, page, pk):
    denied = login_needed(request) or only(request, "POST")
    if denied:
        return denied
    own(Assessment.objects.all(), request, pk).delete()
    messages.success(request, _("The assessment is deleted."))
    return go(request, page, "data")
