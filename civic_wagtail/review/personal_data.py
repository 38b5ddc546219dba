"""The review app's part of export and erasure (``civic_wagtail_export_member``,
``civic_wagtail_erase_member``).

Public review records list their reviewers by name: an erased member's name becomes
"a former member" there. Their decisions stay (the record of the review), without them.
"""

from django.utils.translation import gettext as _

from civic_wagtail.members.models import get_profile

from .models import ConflictDeclaration, ReviewDecision, ReviewRecord


def export_member(user):
    return {
        "review_decisions": list(
            ReviewDecision.objects.filter(reviewer=user)
            .order_by("created_at", "pk")
            .values("id", "decision", "comment", "created_at", "revision__object_str")
        ),
        "conflict_declarations": list(
            ConflictDeclaration.objects.filter(reviewer=user).values(
                "id", "has_conflict", "details", "created_at"
            )
        ),
    }


def erase_member(user):
    name = str(get_profile(user))
    records = ReviewRecord.objects.filter(reviewer_names__contains=[name])
    for record in records:
        record.reviewer_names = [
            _("a former member") if reviewer == name else reviewer
            for reviewer in record.reviewer_names
        ]
        record.save(update_fields=["reviewer_names"])
