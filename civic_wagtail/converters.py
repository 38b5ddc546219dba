"""The ``civic_id`` path converter: a database id, or no match (a 404).

Django's ``int`` converter accepts any number of digits, and a 20-digit id then fails in the
database (SQLite raises ``OverflowError``, PostgreSQL ``DataError``). Every URLconf and
routable page of the package uses ``<civic_id:pk>`` instead; importing this module
registers it, so each module that declares such a route imports it first.
"""

from django.urls import register_converter
from django.urls.converters import get_converters

from .params import MAX_INTEGER

NAME = "civic_id"


class IdConverter:
    """Digits naming a row: from 0 to :data:`civic_wagtail.params.MAX_INTEGER`."""

    regex = "[0-9]{1,10}"

    def to_python(self, value):
        number = int(value)
        if number > MAX_INTEGER:
            raise ValueError("id out of range")  # Django turns this into "no match"
        return number

    def to_url(self, value):
        return str(int(value))


if NAME not in get_converters():
    register_converter(IdConverter, NAME)
