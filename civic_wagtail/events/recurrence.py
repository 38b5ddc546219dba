"""Repeating events that editors describe in plain terms, turned into RFC 5545 rules.

Editors pick "every N weeks on Tuesday and Thursday", "the first and third Monday of every
month" or "every N days", ending on a date or after a number of times. :class:`Rule` holds
that choice, writes the RRULE (with UNTIL *inside* it, in UTC as RFC 5545 3.3.10 requires
when DTSTART has a TZID) and expands occurrences.

Expansion works on wall-clock times in the event's own zone and attaches the zone afterwards,
so a 10:00 meeting stays at 10:00 across daylight-saving changes, exactly as calendar clients
(and ``dateutil``) read the RRULE we publish.
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil import rrule as du

WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
_DU_WEEKDAYS = dict(zip(WEEKDAYS, du.weekdays, strict=True))

NONE, DAILY, WEEKLY, MONTHLY = "", "daily", "weekly", "monthly"
_FREQ = {
    DAILY: ("DAILY", du.DAILY),
    WEEKLY: ("WEEKLY", du.WEEKLY),
    MONTHLY: ("MONTHLY", du.MONTHLY),
}
#: How far a moved occurrence may be from its original date and still be found in a window.
MAX_MOVE = timedelta(days=400)


@dataclass(frozen=True)
class Rule:
    """How an event repeats. ``frequency`` is one of ``"daily"``, ``"weekly"``, ``"monthly"``.

    ``weekdays`` are two-letter RFC 5545 days (``"TU"``). ``positions`` (monthly only) pick
    which of those weekdays in the month: 1 = first ... 4 = fourth, -1 = last. At most one of
    ``until`` (a local date, inclusive) and ``count`` ends the series; neither means forever.
    """

    frequency: str
    interval: int = 1
    weekdays: tuple = ()
    positions: tuple = ()
    until: date | None = None
    count: int | None = None

    def rrule_parts(self, start, all_day=False):
        """The RRULE as an ordered dict for ``icalendar`` (``Event.add("RRULE", ...)``)."""
        name, _ = _FREQ[self.frequency]
        parts = {"FREQ": name}
        if self.interval and self.interval > 1:
            parts["INTERVAL"] = self.interval
        if self.until is not None:
            if all_day:
                parts["UNTIL"] = self.until
            else:
                # The end of the last local day, in UTC: RFC 5545 requires UTC here when
                # DTSTART carries a TZID.
                local_end = datetime.combine(self.until, time(23, 59, 59), start.tzinfo)
                parts["UNTIL"] = local_end.astimezone(UTC)
        elif self.count:
            parts["COUNT"] = self.count
        days = [d for d in WEEKDAYS if d in self.weekdays]
        if self.frequency == MONTHLY and days:
            positions = sorted(set(self.positions) or {1}, key=lambda p: (p < 0, p))
            parts["BYDAY"] = [f"{p}{d}" for p in positions for d in days]
        elif self.frequency == WEEKLY and days:
            parts["BYDAY"] = days
        return parts

    def as_text(self, start, all_day=False):
        """The RRULE value as text (``FREQ=WEEKLY;BYDAY=TU``), for dateutil and tests."""
        from icalendar import vRecur

        return vRecur(self.rrule_parts(start, all_day)).to_ical().decode()

    def dateutil_rule(self, start_local, all_day=False):
        """A ``dateutil.rrule`` over naive wall-clock times starting at ``start_local``."""
        _, freq = _FREQ[self.frequency]
        kwargs = {"dtstart": start_local, "interval": max(self.interval or 1, 1)}
        days = [d for d in WEEKDAYS if d in self.weekdays]
        if self.frequency == MONTHLY and days:
            positions = sorted(set(self.positions) or {1})
            kwargs["byweekday"] = [_DU_WEEKDAYS[d](p) for p in positions for d in days]
        elif self.frequency == WEEKLY and days:
            kwargs["byweekday"] = [_DU_WEEKDAYS[d] for d in days]
        if self.until is not None:
            kwargs["until"] = datetime.combine(self.until, time(23, 59, 59))
        elif self.count:
            kwargs["count"] = self.count
        return du.rrule(freq, **kwargs)


@dataclass
class Occurrence:
    """One date of an event: aware start and end in the event's zone."""

    start: datetime
    end: datetime
    #: Local start of the occurrence as the rule produced it (its RECURRENCE-ID).
    original_start: datetime
    cancelled: bool = False
    moved: bool = False
    extra: dict = field(default_factory=dict)


def localize(naive, tz):
    """Attach ``tz`` to a wall-clock time. Times in a DST gap take the offset before the
    gap, as RFC 5545 3.3.5 specifies (02:30 on a spring-forward night is 03:30)."""
    return naive.replace(tzinfo=tz)


def expand(start_local, end_local, tz_name, rule=None, changes=(), window=None, limit=500):
    """The occurrences of an event, in order.

    ``start_local``/``end_local`` are naive wall-clock datetimes, ``changes`` maps a local
    occurrence date to ``("exclude"|"cancel"|"move", new_start_local, new_end_local)``.
    ``window`` = ``(after, before)`` aware datetimes keeps occurrences that overlap it.
    At most ``limit`` occurrences are produced so an unbounded series stays cheap.
    """
    tz = ZoneInfo(tz_name)
    duration = end_local - start_local
    changes = dict(changes)
    if rule is None or not rule.frequency:
        # Changed dates belong to series; a one-off event is edited (or cancelled) directly.
        changes = {}
        starts = [start_local]
    else:
        starts = rule.dateutil_rule(start_local)
    result = []
    for naive in starts:
        if len(result) >= limit:
            break
        original = localize(naive, tz)
        if window and original > window[1] + MAX_MOVE:
            break
        occ = Occurrence(original, localize(naive + duration, tz), original)
        kind, new_start, new_end = changes.get(naive.date(), (None, None, None))
        if kind == "exclude":
            continue
        if kind == "cancel":
            occ.cancelled = True
        elif kind == "move" and new_start and new_end:
            occ.start, occ.end = localize(new_start, tz), localize(new_end, tz)
            occ.moved = True
        if window and (occ.end <= window[0] or occ.start >= window[1]):
            continue
        result.append(occ)
    result.sort(key=lambda o: o.start)
    return result


def out_of_step(rule, start_local):
    """``None`` when ``rule`` produces ``start_local`` as its first date, otherwise the
    nearest dates before and after it that the pattern does produce (``(previous, next)``).

    RFC 5545 leaves a DTSTART that its RRULE does not produce undefined: Google and Apple
    show it, ``dateutil`` (and so this site's calendar) skips it, calcurse refuses the event.
    Any date the pattern's days match is a valid first date, whatever the interval, so the
    search uses the pattern with an interval of one and no end.
    """
    if rule is None or not rule.frequency:
        return None
    pattern = Rule(rule.frequency, 1, rule.weekdays, rule.positions)
    following = pattern.dateutil_rule(start_local)
    first = next(iter(following), None)
    if first is None or first == start_local:
        return None
    earlier = pattern.dateutil_rule(start_local - timedelta(days=70))
    previous = earlier.before(start_local)
    return (previous.date() if previous else None, first.date())
