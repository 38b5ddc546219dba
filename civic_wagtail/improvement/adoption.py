"""This app's part of a practice's adoptions (hook ``civic_wagtail_practice_adoptions``).

A tracker still measuring is a place "measuring now"; a finished one not yet turned into a
case study is a place that adopted the practice (once submitted, the library's case study
counts instead). Trackers are private: only the place is told, never who or a link.
"""

from civic_wagtail.adoption import Adoption

from .models import AdoptionTracker


def practice_adoptions(practice_ids):
    rows = (
        AdoptionTracker.objects.filter(practice_id__in=practice_ids)
        .exclude(status=AdoptionTracker.Status.SUBMITTED)
        .values_list("practice_id", "place", "organisation", "status")
    )
    return [
        Adoption(
            practice_id=practice_id,
            place=place,
            title=organisation,
            measuring=status == AdoptionTracker.Status.MEASURING,
        )
        for practice_id, place, organisation, status in rows
    ]
