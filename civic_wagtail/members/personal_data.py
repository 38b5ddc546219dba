"""The members app's part of export and erasure (``civic_wagtail_export_member``,
``civic_wagtail_erase_member``): the profile, notifications and their settings."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import ModelLogEntry

from .models import MemberProfile, Notification, NotificationPreference


def export_member(user):
    profile = MemberProfile.objects.filter(user=user).first()
    rows = {
        "account": [
            {
                "username": user.get_username(),
                "email": user.email,
                "first_name": user.first_name,
                "last_name": user.last_name,
                "date_joined": user.date_joined,
                "last_login": user.last_login,
            }
        ],
        "notifications": list(
            Notification.objects.filter(recipient=user).values(
                "kind", "verb", "url", "created_at", "read_at"
            )
        ),
        "notification_settings": list(
            NotificationPreference.objects.filter(user=user).values("kind", "channel")
        ),
    }
    if profile is not None:
        rows["profile"] = [
            {
                "display_name": profile.display_name,
                "job_title": profile.job_title,
                "organisation": profile.organisation,
                "organisation_type": str(profile.organisation_type or ""),
                "government_level": str(profile.government_level or ""),
                "region": str(profile.region or ""),
                "topics": [str(topic) for topic in profile.topics.all()],
                "bio": profile.bio,
                "preferred_language": profile.preferred_language,
                "public_fields": profile.public_fields,
                "verification_status": profile.verification_status,
                "verified_at": profile.verified_at,
                "joined": profile.created_at,
            }
        ]
    return rows


def erase_member(user):
    """Audit-log rows about the member's profile carry their name as the label: remove them.
    Notifications that name the member (``actor``) go with the account (CASCADE)."""
    profile = MemberProfile.objects.filter(user=user).first()
    if profile is not None:
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(MemberProfile),
            object_id=str(profile.pk),
        ).delete()
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(user), object_id=str(user.pk)
    ).delete()
