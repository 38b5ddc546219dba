"""The review app's part of export and erasure (``civic_wagtail_export_member``,
``civic_wagtail_erase_member``).

Public review records list their reviewers by name: an erased member's name becomes
"a former member" there. Their decisions stay (the record of the review), without them.
"""

from django.db import connection
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
    records = ReviewRecord.objects.only("pk", "reviewer_names")
    if connection.features.supports_json_field_contains:
        records = records.filter(reviewer_names__contains=[name])
    # SQLite has no JSON containment: every record is read (names with accents are stored
    # escaped, so a text match would miss them) and compared by whole name below.
    for record in records.iterator():
        if name not in record.reviewer_names:
            continue
        record.reviewer_names = [
            _("a former member") if reviewer == name else reviewer
            for reviewer in record.reviewer_names
        ]
        record.save(update_fields=["reviewer_names"])
