"""One action turns a finished adoption tracker into a case-study draft in peer review.

The draft (:class:`civic_wagtail.drafts.Draft`) carries the tracker's story and, per
indicator, the baseline, the target and the latest measurement as the actual value over the
measured period; ``practice_id`` links it to the adopted practice, so that once approved it
counts in that practice's lineage. The library (hook ``civic_wagtail_submit_draft``) creates
the page and starts its workflow.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from civic_wagtail import drafts

from .models import AdoptionTracker, TrackerIndicator


def build_draft(tracker):
    outcomes = []
    indicators = TrackerIndicator.objects.filter(tracker=tracker).prefetch_related("measurements")
    for indicator in indicators:
        measurements = list(indicator.measurements.all())
        outcomes.append(
            drafts.DraftOutcome(
                indicator=indicator.name,
                unit=indicator.unit,
                baseline=indicator.baseline,
                target=indicator.target,
                actual=measurements[-1].value if measurements else None,
                period_start=tracker.started_on,
                period_end=measurements[-1].date if measurements else None,
            )
        )
    summary = _("How %(organisation)s in %(place)s put this practice to work and measured it.") % {
        "organisation": tracker.organisation,
        "place": tracker.place,
    }
    return drafts.Draft(
        title=tracker.title,
        summary=summary,
        kind=drafts.CASE_STUDY,
        organisation=tracker.organisation,
        place=tracker.place,
        challenge=tracker.challenge,
        what_was_done=tracker.what_was_done,
        lessons=tracker.lessons,
        outcomes=outcomes,
        practice_id=tracker.practice_id,
    )


def submit(tracker, *, user, site=None):
    """Submit ``tracker`` as a case-study draft; returns the page. Raises
    :class:`civic_wagtail.drafts.DraftsUnavailable` when no app accepts drafts."""
    with transaction.atomic():
        locked = AdoptionTracker.objects.select_for_update().get(pk=tracker.pk)
        if locked.status == AdoptionTracker.Status.SUBMITTED:
            raise ValueError(_("This tracker has already become a case study."))
        page = drafts.submit_draft(build_draft(locked), user=user, site=site)
        locked.status = AdoptionTracker.Status.SUBMITTED
        locked.case_study_id = getattr(page, "pk", None)
        locked.save(update_fields=["status", "case_study"])
    return page
