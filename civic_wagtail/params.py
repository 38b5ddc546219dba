"""Validators for what a request carries: query parameters and path values.

Every view of the package reads request parameters through these functions, one per kind
of value, so no raw value reaches the database: PostgreSQL rejects a NUL byte in a text
parameter, SQLite overflows on integers past 64 bits, ``date`` refuses years past 9999.

Each validator raises :class:`BadParameter`, a subclass of Django's ``BadRequest``: Django
answers it with a 400 (the site's ``400.html``) wherever it is raised, in a view, a page's
``serve`` or a routable page route, so views need no decorator or ``try``. Views that want a
friendlier answer (a form error shown on the page) catch it and render their own 400.

Path values go through the ``civic_id`` converter (:mod:`civic_wagtail.converters`), which
makes an id too large for the database a 404.
"""

import re
import unicodedata
import zoneinfo
from datetime import date

from django.core.exceptions import BadRequest
from django.utils.translation import gettext as _

#: Longest text value accepted by default (search terms, slugs).
MAX_TEXT_LENGTH = 200
#: Largest integer accepted by default: the range of a PostgreSQL ``integer`` column.
MAX_INTEGER = 2**31 - 1
#: Longest IANA time zone name accepted ("America/Argentina/ComodRivadavia" is 32).
MAX_ZONE_LENGTH = 64
#: Months a calendar can show: ``date`` stops at 9999, and a month view expands every
#: recurring event up to the month shown, so the range stays near the present.
FIRST_MONTH = date(1900, 1, 1)
LAST_MONTH = date(2199, 12, 1)

_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_WHITESPACE_CONTROLS = str.maketrans({"\t": " ", "\n": " ", "\r": " "})


class BadParameter(BadRequest):
    """A query parameter or path value that the view cannot use: answered with a 400."""

    def __init__(self, name, message):
        self.name = name
        self.message = message
        super().__init__(f"{name}: {message}")


def _has_control(value):
    return any(unicodedata.category(char) in ("Cc", "Cs") for char in value)


def text(value, name, *, max_length=MAX_TEXT_LENGTH, default=""):
    """``value`` stripped, or ``default`` when missing or blank.

    Tabs and line breaks become spaces; a NUL byte or any other control character, or more
    than ``max_length`` characters, raise :class:`BadParameter`.
    """
    if value is None:
        return default
    value = str(value).translate(_WHITESPACE_CONTROLS).strip()
    if _has_control(value):
        raise BadParameter(name, _("Remove the control characters from this value."))
    if len(value) > max_length:
        raise BadParameter(
            name, _("Use at most %(count)d characters.") % {"count": max_length}
        )
    return value or default


def integer(value, name, *, minimum=0, maximum=MAX_INTEGER, default=None):
    """``value`` as an ``int`` between ``minimum`` and ``maximum``, or ``default`` if blank."""
    value = text(value, name, max_length=len(str(maximum)) + 1)
    if not value:
        return default
    if not re.fullmatch(r"-?[0-9]+", value):
        raise BadParameter(name, _("Use a whole number."))
    number = int(value)
    if not minimum <= number <= maximum:
        raise BadParameter(
            name,
            _("Use a number from %(minimum)d to %(maximum)d.")
            % {"minimum": minimum, "maximum": maximum},
        )
    return number


def month(value, name, *, first=FIRST_MONTH, last=LAST_MONTH, default=None):
    """``YYYY-MM`` as the ``date`` of the month's first day, from ``first`` to ``last``."""
    value = text(value, name, max_length=7)
    if not value:
        return default
    match = _MONTH.fullmatch(value)
    if match is None or not 1 <= int(match.group(2)) <= 12:
        raise BadParameter(name, _("Use a month written YYYY-MM, such as 2030-03."))
    result = date(int(match.group(1)), int(match.group(2)), 1)
    if not first <= result <= last:
        raise BadParameter(
            name,
            _("Use a month from %(first)s to %(last)s.")
            % {"first": first.strftime("%Y-%m"), "last": last.strftime("%Y-%m")},
        )
    return result


def time_zone(value, name):
    """``value`` as a ``ZoneInfo`` (an IANA name such as ``Europe/Paris``), ``None`` if blank."""
    value = text(value, name, max_length=MAX_ZONE_LENGTH)
    if not value:
        return None
    try:
        return zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError) as error:
        raise BadParameter(
            name, _("Use a time zone name such as Europe/Paris.")
        ) from error


def get_text(request, name, **kwargs):
    """:func:`text` of the query parameter ``name`` of ``request``."""
    return text(request.GET.get(name), name, **kwargs)


def get_integer(request, name, **kwargs):
    """:func:`integer` of the query parameter ``name`` of ``request``."""
    return integer(request.GET.get(name), name, **kwargs)


def get_month(request, name, **kwargs):
    """:func:`month` of the query parameter ``name`` of ``request``."""
    return month(request.GET.get(name), name, **kwargs)


def get_time_zone(request, name="tz"):
    """:func:`time_zone` of the query parameter ``name`` of ``request``."""
    return time_zone(request.GET.get(name), name)


def check_all_text(request, *, max_length=1000):
    """Refuse a request whose query parameters hold a control character or a huge value.

    For views that hand ``request.GET`` to code we do not own (Wagtail's API filters).
    """
    for name, values in request.GET.lists():
        text(name, "parameter name", max_length=max_length)
        for value in values:
            text(value, name, max_length=max_length)
