"""Checking and writing batches of spending records (the API's ``spending`` endpoint).

Same guarantees as measurements (:mod:`.ingest`): per-row errors and nothing written unless
the whole batch is good, upserts keyed on (project, date) so re-sending changes nothing, and
the project's committed and spent totals set from its newest record in the same transaction.
"""

from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from civic_wagtail.conf import civic_settings

from .ingest import RowError, _date, _project, _text, resolve_projects

FIELDS = ("project", "date", "committed", "spent", "note")
REQUIRED = ("project", "date", "committed", "spent")
#: The largest amount the columns store (16 digits, 2 after the point).
MAX_AMOUNT = Decimal(10) ** 14
MAX_NOTE = 300


def _amount(value):
    if isinstance(value, bool) or value is None:
        raise ValueError(_("Give an amount, e.g. 1250.50."))
    try:
        number = Decimal(_text(value) if isinstance(value, str) else str(value))
    except (InvalidOperation, ValueError):
        raise ValueError(_("Give an amount, e.g. 1250.50 (a point before decimals).")) from None
    if not number.is_finite() or abs(number) >= MAX_AMOUNT:
        raise ValueError(_("Give an amount smaller than 10 to the power 14."))
    if number < 0:
        raise ValueError(_("An amount cannot be negative."))
    return number.quantize(Decimal("0.01"))


def _note(value):
    text = _text(value)
    if len(text) > MAX_NOTE:
        raise ValueError(_("Shorten this to %(n)s characters.") % {"n": MAX_NOTE})
    return text


PARSERS = {
    "project": _project,
    "date": _date,
    "committed": _amount,
    "spent": _amount,
    "note": _note,
}


def _parse_row(number, raw):
    if not isinstance(raw, dict):
        return None, [RowError(number, "", _("Each row must be an object of fields."))]
    unknown = sorted(str(key) for key in raw if key not in FIELDS)
    if unknown:
        message = _("Unknown field. Use only: %(fields)s.") % {"fields": ", ".join(FIELDS)}
        return None, [RowError(number, unknown[0][:40], message)]
    values, errors = {}, []
    for name in FIELDS:
        value = raw.get(name)
        if name in REQUIRED and (value is None or value == ""):
            errors.append(RowError(number, name, _("This field is required.")))
            continue
        try:
            values[name] = PARSERS[name](value)
        except ValueError as error:
            errors.append(RowError(number, name, str(error)))
    return (None, errors) if errors else (values, [])


def check(rows, allowed):
    """``(rows to write, errors, forbidden)``, as :func:`.ingest.check` for measurements."""
    if not isinstance(rows, list):
        return [], [RowError(0, "spending", _("Send a list of rows."))], False
    limit = civic_settings.TRANSPARENCY_INGEST_MAX_ROWS
    if len(rows) > limit:
        message = _("Send at most %(n)s rows at a time.") % {"n": limit}
        return [], [RowError(0, "spending", message)], False
    if not rows:
        return [], [RowError(0, "spending", _("The batch has no rows."))], False
    parsed, errors = [], []
    for number, raw in enumerate(rows, start=1):
        values, row_errors = _parse_row(number, raw)
        errors.extend(row_errors)
        if values is not None:
            parsed.append((number, values))
    if errors and not parsed:
        return [], errors, False
    projects = resolve_projects([(number, _Key(values["project"])) for number, values in parsed])
    permitted = allowed(set(projects))
    forbidden_errors, ready, seen = [], [], {}
    for number, values in parsed:
        if values["project"] not in projects:
            errors.append(RowError(number, "project", _("There is no project with this number.")))
            continue
        if values["project"] not in permitted:
            forbidden_errors.append(
                RowError(number, "project", _("You may not write to this project's data."))
            )
            continue
        values = {**values, "project": projects[values["project"]]}
        key = (values["project"], values["date"])
        if key in seen:
            errors.append(
                RowError(
                    number,
                    "date",
                    _("Same project and date as row %(row)s: send one record.")
                    % {"row": seen[key]},
                )
            )
            continue
        seen[key] = number
        ready.append(values)
    forbidden = bool(forbidden_errors) and not errors
    errors = sorted(errors + forbidden_errors, key=lambda e: e.row)
    if errors:
        return [], errors, forbidden
    return ready, [], False


class _Key:
    """Adapter so :func:`.ingest.resolve_projects` reads ``project_id``."""

    def __init__(self, project_id):
        self.project_id = project_id


def write(rows):
    """Upsert ``rows`` (from :func:`check`) and refresh the projects' totals, atomically."""
    from ..models import ProjectPage, Spending
    from ..models.projects import latest_spending

    now = timezone.now()
    objects = [
        Spending(
            project_id=row["project"],
            date=row["date"],
            committed=row["committed"],
            spent=row["spent"],
            note=row["note"],
            updated_at=now,
        )
        for row in rows
    ]
    with transaction.atomic():
        Spending.objects.bulk_create(
            objects,
            batch_size=civic_settings.TRANSPARENCY_INGEST_BATCH_SIZE,
            update_conflicts=True,
            unique_fields=["project", "date"],
            update_fields=["committed", "spent", "note", "updated_at"],
        )
        keys = ProjectPage.objects.filter(pk__in={row["project"] for row in rows}).values_list(
            "translation_key", flat=True
        )
        for key in set(keys):
            committed, spent = latest_spending(key)
            ProjectPage.objects.filter(translation_key=key).update(
                budget_committed=committed, budget_spent=spent
            )
    return len(objects)
