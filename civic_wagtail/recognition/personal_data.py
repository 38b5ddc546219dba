"""Recognition's part of a member's data export (``civic_wagtail_export_member``).

Awards and kudos go with the account (CASCADE): erasure needs no hook.
"""

from .models import Award, Kudos


def export_member(user):
    return {
        "badges": [
            {
                "badge": award.badge.name,
                "awarded_at": award.awarded_at,
                "revoked_at": award.revoked_at,
                "revocation_reason": award.revocation_reason,
                "reason": award.reason,
                "evidence": award.evidence_url,
                "assertion": str(award.uid),
            }
            for award in Award.objects.filter(recipient=user).select_related("badge")
        ],
        "this_helped_me": [
            {
                "item": f"{row.content_type.app_label}.{row.content_type.model}:{row.object_id}",
                "at": row.created_at,
            }
            for row in Kudos.objects.filter(giver=user).select_related("content_type")
        ],
    }
