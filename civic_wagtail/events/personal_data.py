"""The events app's part of a member's data export (``civic_wagtail_export_member``).

Registrations, the calendar token and being named a speaker go with the account (CASCADE):
erasure needs no hook.
"""

from .models import CalendarToken, EventAttendance, EventPage


def export_member(user):
    token = CalendarToken.objects.filter(user=user).first()
    return {
        "event_registrations": [
            {
                "event": row.page.title,
                "event_id": row.page_id,
                "kind": row.kind,
                "since": row.created_at,
            }
            for row in EventAttendance.objects.filter(user=user).select_related("page")
        ],
        "events_spoken_at": [
            {"event": page.title, "event_id": page.pk, "live": page.live}
            for page in EventPage.objects.filter(speakers=user).only("title", "live")
        ],
        "calendar_token": (
            [{"token": token.token, "created_at": token.created_at}] if token else []
        ),
    }
