"""Adoption trackers: start one for a practice, record measurements, turn it into a case
study that enters peer review."""

from django.apps import apps
from django.contrib import messages
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Page

from civic_wagtail import drafts
from civic_wagtail.conf import civic_settings
from civic_wagtail.members.models import get_profile

from .. import casestudy
from ..forms import MeasurementForm, TrackerForm, TrackerStoryForm
from ..models import AdoptionTracker, Measurement, TrackerIndicator
from .common import go, login_needed, only, own, render, throttled


def practices():
    """Live, public practice pages (empty when the library is not installed)."""
    label = civic_settings.IMPROVEMENT_RECOMMENDATION_MODELS.get("practice", "")
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return Page.objects.none()
    return model.objects.live().public().order_by("title").only("pk", "title")


def tracker_list(request, page):
    denied = login_needed(request)
    if denied:
        return denied
    trackers = list(AdoptionTracker.objects.filter(user=request.user).select_related("practice"))
    return render(request, page, "trackers.html", {"trackers": trackers})


def new_tracker(request, page):
    denied = login_needed(request) or only(request, "GET", "POST")
    if denied:
        return denied
    profile = get_profile(request.user)
    initial = {"organisation": profile.organisation}
    practice = request.GET.get("practice", "")
    if practice.isdigit() and len(practice) < 12:
        initial["practice"] = int(practice)
    form = TrackerForm(request.POST or None, initial=initial, practices=practices())
    if request.method == "POST":
        limited = throttled(request)
        if limited:
            return limited
        if form.is_valid():
            with transaction.atomic():
                tracker = form.save(commit=False)
                tracker.user = request.user
                tracker.save()
                TrackerIndicator.objects.bulk_create(
                    TrackerIndicator(tracker=tracker, **row)
                    for row in form.cleaned_data["indicators"]
                )
            messages.success(request, _("Tracker started. Add measurements as they come in."))
            return go(request, page, "tracker", tracker.pk)
    return render(
        request,
        page,
        "tracker_form.html",
        {"form": form},
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


def _indicators(tracker):
    indicators = list(tracker.indicators.prefetch_related("measurements"))
    for indicator in indicators:
        indicator.series = list(indicator.measurements.all())
        indicator.latest = indicator.series[-1] if indicator.series else None
    return indicators


def tracker_detail(request, page, pk):
    denied = login_needed(request)
    if denied:
        return denied
    tracker = own(AdoptionTracker.objects.select_related("practice", "case_study"), request, pk)
    indicators = _indicators(tracker)
    return render(
        request,
        page,
        "tracker.html",
        {
            "tracker": tracker,
            "indicators": indicators,
            "measure_form": MeasurementForm(indicators=indicators),
            "story_form": TrackerStoryForm(instance=tracker),
            "drafts_available": drafts.is_available(),
        },
    )


def measure(request, page, pk):
    denied = login_needed(request) or only(request, "POST")
    if denied:
        return denied
    tracker = own(AdoptionTracker.objects.all(), request, pk)
    if tracker.status == AdoptionTracker.Status.SUBMITTED:
        return render(
            request,
            page,
            "error.html",
            {"message": _("This tracker has become a case study: it is closed.")},
            status=400,
        )
    indicators = list(tracker.indicators.all())
    form = MeasurementForm(request.POST, indicators=indicators)
    if not form.is_valid():
        return render(
            request,
            page,
            "tracker.html",
            {
                "tracker": tracker,
                "indicators": _indicators(tracker),
                "measure_form": form,
                "story_form": TrackerStoryForm(instance=tracker),
                "drafts_available": drafts.is_available(),
            },
            status=400,
        )
    data = form.cleaned_data
    Measurement.objects.create(
        indicator_id=data["indicator"], date=data["date"], value=data["value"], note=data["note"]
    )
    messages.success(request, _("Measurement recorded."))
    return go(request, page, "tracker", tracker.pk)


def case_study(request, page, pk):
    """Finish the tracker with its story and submit it as a case-study draft."""
    denied = login_needed(request) or only(request, "POST")
    if denied:
        return denied
    tracker = own(AdoptionTracker.objects.all(), request, pk)
    if tracker.status == AdoptionTracker.Status.SUBMITTED:
        return render(
            request,
            page,
            "error.html",
            {"message": _("This tracker has already become a case study.")},
            status=400,
        )
    limited = throttled(request, "library_submission")
    if limited:
        return limited
    form = TrackerStoryForm(request.POST, instance=tracker)
    if not form.is_valid():
        return render(
            request,
            page,
            "error.html",
            {"message": _("Check the story fields: they are too long.")},
            status=400,
        )
    if not Measurement.objects.filter(indicator__tracker=tracker).exists():
        return render(
            request,
            page,
            "error.html",
            {"message": _("Record at least one measurement before writing the case study.")},
            status=400,
        )
    form.save()
    try:
        casestudy.submit(tracker, user=request.user, site=request)
    except drafts.DraftsUnavailable as error:
        return render(request, page, "error.html", {"message": str(error)}, status=400)
    except ValueError as error:
        return render(request, page, "error.html", {"message": str(error)}, status=400)
    messages.success(
        request,
        _("Your case study draft is in peer review. Reviewers will contact you if needed."),
    )
    return go(request, page, "tracker", tracker.pk)


def delete_tracker(request, page, pk):
    denied = login_needed(request) or only(request, "POST")
    if denied:
        return denied
    tracker = own(AdoptionTracker.objects.all(), request, pk)
    tracker.delete()
    messages.success(request, _("The tracker is deleted."))
    return go(request, page, "trackers")
