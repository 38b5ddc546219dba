"""Event pages (content editors publish) and the records the calendar keeps beside them."""

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
