"""Checking and writing batches of measurements: one path for the API and the CSV upload.

A batch is all or nothing. :func:`check` returns the cleaned rows and a list of per-row
errors; :func:`write` runs only when there is no error, in one transaction, with bulk
upserts keyed on (project, indicator, date), so sending the same batch twice changes nothing.
"""

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from civic_wagtail.conf import civic_settings

#: Columns of a row, in CSV order; ``unit`` and ``source`` are optional.
FIELDS = ("project", "indicator", "date", "value", "unit", "source")
REQUIRED = ("project", "indicator", "date", "value")
SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,120}$")
#: The largest value the column stores (20 digits, 4 after the point).
MAX_VALUE = Decimal(10) ** 16
MAX_LENGTHS = {"unit": 60, "source": 300}
MAX_PROJECT_ID = 2**31 - 1


@dataclass(frozen=True)
class RowError:
    row: int  #: 1-based position in the batch (the CSV line after the header)
    field: str
    message: str

    def as_dict(self):
        return {"row": self.row, "field": self.field, "message": str(self.message)}


@dataclass(frozen=True)
class Row:
    project_id: int
    indicator: str
    date: datetime.date
    value: Decimal
    unit: str
    source: str


def _text(value):
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError(_("Write this as text."))
    if "\x00" in value:
        raise ValueError(_("Remove the NUL character."))
    return value.strip()


def _project(value):
    if isinstance(value, bool):
        raise ValueError(_("Give the project's number, e.g. 42."))
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 10:
        value = int(value.strip())
    if not isinstance(value, int) or not 0 < value <= MAX_PROJECT_ID:
        raise ValueError(_("Give the project's number, e.g. 42."))
    return value


def _indicator(value):
    value = _text(value)
    if not SLUG.match(value):
        raise ValueError(
            _("Give the indicator's slug: letters, digits, hyphens, at most 120 characters.")
        )
    return value.lower()


def _date(value):
    value = _text(value)
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        raise ValueError(_("Write the date as YYYY-MM-DD, e.g. 2026-03-31.")) from None
    if len(value) != 10 or not 1900 <= day.year <= 2200:
        raise ValueError(_("Write the date as YYYY-MM-DD, e.g. 2026-03-31."))
    return day


def _value(value):
    if isinstance(value, bool) or value is None:
        raise ValueError(_("Give a number, e.g. 12.5."))
    try:
        number = Decimal(_text(value) if isinstance(value, str) else str(value))
    except (InvalidOperation, ValueError):
        raise ValueError(_("Give a number, e.g. 12.5 (a point before decimals).")) from None
    if not number.is_finite() or abs(number) >= MAX_VALUE:
        raise ValueError(_("Give a number smaller than 10 to the power 16."))
    return number.quantize(Decimal("0.0001"))


PARSERS = {"project": _project, "indicator": _indicator, "date": _date, "value": _value}


def parse(rows):
    """Clean raw rows (dicts from JSON or CSV): ``(cleaned rows, [RowError])``."""
    cleaned, errors, seen = [], [], {}
    if not isinstance(rows, list):
        return [], [RowError(0, "rows", _("Send a list of rows."))]
    limit = civic_settings.TRANSPARENCY_INGEST_MAX_ROWS
    if len(rows) > limit:
        return [], [RowError(0, "rows", _("Send at most %(n)s rows at a time.") % {"n": limit})]
    if not rows:
        return [], [RowError(0, "rows", _("The batch has no rows."))]
    for number, raw in enumerate(rows, start=1):
        if not isinstance(raw, dict):
            errors.append(RowError(number, "", _("Each row must be an object of fields.")))
            continue
        unknown = sorted(str(key) for key in raw if key not in FIELDS)
        if unknown:
            errors.append(
                RowError(
                    number,
                    unknown[0][:40],
                    _("Unknown field. Use only: %(fields)s.") % {"fields": ", ".join(FIELDS)},
                )
            )
            continue
        values, row_errors = {}, []
        for name in FIELDS:
            value = raw.get(name)
            if name in REQUIRED and (value is None or value == ""):
                row_errors.append(RowError(number, name, _("This field is required.")))
                continue
            try:
                if name in PARSERS:
                    values[name] = PARSERS[name](value)
                else:
                    text = _text(value)
                    if len(text) > MAX_LENGTHS[name]:
                        raise ValueError(
                            _("Shorten this to %(n)s characters.") % {"n": MAX_LENGTHS[name]}
                        )
                    values[name] = text
            except ValueError as error:
                row_errors.append(RowError(number, name, str(error)))
        if row_errors:
            errors.extend(row_errors)
            continue
        row = Row(
            values["project"],
            values["indicator"],
            values["date"],
            values["value"],
            values["unit"],
            values["source"],
        )
        key = (row.project_id, row.indicator, row.date)
        if key in seen:
            errors.append(
                RowError(
                    number,
                    "date",
                    _("Same project, indicator and date as row %(row)s: send one value.")
                    % {"row": seen[key]},
                )
            )
            continue
        seen[key] = number
        cleaned.append((number, row))
    return cleaned, errors


def resolve_projects(cleaned):
    """``{given id: canonical project}``: a project's measurements live on the first page of
    its translations, whichever translation's id was sent. Two queries for the batch."""
    from ..models import ProjectPage

    ids = {row.project_id for _number, row in cleaned}
    given = dict(ProjectPage.objects.filter(pk__in=ids).values_list("pk", "translation_key"))
    canonical = {}
    for pk, key in (
        ProjectPage.objects.filter(translation_key__in=set(given.values()))
        .order_by("-pk")
        .values_list("pk", "translation_key")
    ):
        canonical[key] = pk
    return {pk: canonical[key] for pk, key in given.items()}


def check(rows, allowed=None):
    """Parse ``rows`` and check their projects: ``(rows to write, errors, forbidden)``.

    ``allowed`` is a callable taking a set of project ids and returning those the writer may
    write (the API: the token's organisation; the admin: the editor's page permissions).
    ``forbidden`` is True when the only errors are projects the writer may not write.
    """
    cleaned, errors = parse(rows)
    if errors and not cleaned:
        return [], errors, False
    projects = resolve_projects(cleaned)
    permitted = allowed(set(projects)) if allowed is not None else set(projects)
    forbidden_errors, ready, seen = [], [], {}
    for number, row in cleaned:
        if row.project_id not in projects:
            errors.append(RowError(number, "project", _("There is no project with this number.")))
        elif row.project_id not in permitted:
            forbidden_errors.append(
                RowError(number, "project", _("You may not write to this project's data."))
            )
        else:
            row = _canon(row, projects)
            key = (row.project_id, row.indicator, row.date)
            if key in seen:
                errors.append(
                    RowError(
                        number,
                        "project",
                        _(
                            "Row %(row)s gives the same measurement (another translation of the "
                            "project): send one value."
                        )
                        % {"row": seen[key]},
                    )
                )
            seen[key] = number
            ready.append(row)
    forbidden = bool(forbidden_errors) and not errors
    errors = sorted(errors + forbidden_errors, key=lambda e: e.row)
    if errors:
        return [], errors, forbidden
    return ready, [], False


def _canon(row, projects):
    return Row(projects[row.project_id], row.indicator, row.date, row.value, row.unit, row.source)


def write(rows):
    """Upsert ``rows`` (from :func:`check`) in one transaction; returns how many."""
    from ..models import Measurement

    now = timezone.now()
    objects = [
        Measurement(
            project_id=row.project_id,
            indicator=row.indicator,
            date=row.date,
            value=row.value,
            unit=row.unit,
            source=row.source,
            updated_at=now,
        )
        for row in rows
    ]
    with transaction.atomic():
        Measurement.objects.bulk_create(
            objects,
            batch_size=civic_settings.TRANSPARENCY_INGEST_BATCH_SIZE,
            update_conflicts=True,
            unique_fields=["project", "indicator", "date"],
            update_fields=["value", "unit", "source", "updated_at"],
        )
    return len(objects)
