"""Event pages (content editors publish) and the records the calendar keeps beside them."""

from .. import conf  # noqa: F401  (registers this app's setting defaults)
from .pages import EventIndexPage, EventPage, OccurrenceChange
from .records import CalendarToken, EventAttendance, EventFeedEntry, FeedStamp

__all__ = [
    "CalendarToken",
    "EventAttendance",
    "EventFeedEntry",
    "EventIndexPage",
    "EventPage",
    "FeedStamp",
    "OccurrenceChange",
]
