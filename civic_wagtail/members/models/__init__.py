from .notifications import Notification, NotificationPreference
from .privacy import DataExport
from .profiles import (
    MemberProfile,
    MemberProfileQuerySet,
    default_public_fields,
    get_profile,
    is_verified_member,
)

__all__ = [
    "DataExport",
    "MemberProfile",
    "MemberProfileQuerySet",
    "Notification",
    "NotificationPreference",
    "default_public_fields",
    "get_profile",
    "is_verified_member",
]
