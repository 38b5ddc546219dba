"""The mentoring app's part of a member's data export (``civic_wagtail_export_member``).

Mentor profiles, mentorships, their feedback and object permissions go with the account
(CASCADE): erasure needs no hook.
"""

from django.db.models import Q

from .models import MeetingLogEntry, MentorProfile, Mentorship, MentorshipFeedback


def export_member(user):
    mentorships = Mentorship.objects.filter(Q(mentee=user) | Q(mentor__user=user)).order_by("pk")
    return {
        "mentor_profile": list(MentorProfile.objects.filter(user=user).values()),
        "mentorships": list(
            mentorships.values(
                "id",
                "status",
                "message",
                "goals",
                "start_date",
                "end_date",
                "requested_at",
                "decided_at",
                "started_at",
                "ended_at",
                "decline_reason",
                "cancel_reason",
            )
        ),
        "meeting_notes": list(
            MeetingLogEntry.objects.filter(author=user).values(
                "id", "mentorship_id", "date", "notes", "created_at"
            )
        ),
        "mentorship_feedback": list(MentorshipFeedback.objects.filter(author=user).values()),
    }
