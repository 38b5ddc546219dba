"""Members saying they attend an event: places up to its capacity, then a wait list.

Every change runs in one transaction holding a row lock on the event, so two members taking
the last place at the same moment cannot both get it: the second waits for the first to
commit, counts again and joins the wait list. A registered member who withdraws (or only
follows from then on) frees a place for the longest waiting member.
"""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .models import EventAttendance, EventPage

REGISTERED = EventAttendance.Kind.REGISTERED
WAITING = EventAttendance.Kind.WAITING


def _lock(page):
    list(EventPage.objects.select_for_update(of=("self",)).filter(pk=page.pk).values("pk"))


def _promote(page):
    """Fill the free places from the wait list, longest waiting first."""
    if page.capacity is None:
        waiting = EventAttendance.objects.filter(page=page, kind=WAITING)
        waiting.update(kind=REGISTERED)
        return
    free = page.capacity - EventAttendance.objects.filter(page=page, kind=REGISTERED).count()
    if free <= 0:
        return
    first = EventAttendance.objects.filter(page=page, kind=WAITING).order_by("created_at", "pk")
    ids = list(first.values_list("pk", flat=True)[:free])
    if ids:
        EventAttendance.objects.filter(pk__in=ids).update(kind=REGISTERED)


def change(user, page, action):
    """Apply ``action`` (``"registered"``, ``"following"`` or ``"forget"``) for ``user``;
    the member's attendance afterwards (``None`` once forgotten). Asking for a place when the
    event is full puts the member on the wait list (keeping their turn if already on it)."""
    with transaction.atomic():
        _lock(page)
        existing = EventAttendance.objects.filter(user=user, page=page).first()
        if action == "forget":
            if existing is not None:
                existing.delete()
            result = None
        else:
            kind = action
            if action == REGISTERED and not (existing and existing.kind == REGISTERED):
                taken = EventAttendance.objects.filter(page=page, kind=REGISTERED).count()
                if page.capacity is not None and taken >= page.capacity:
                    kind = WAITING
            if existing is None:
                result = EventAttendance.objects.create(user=user, page=page, kind=kind)
            elif existing.kind != kind:
                existing.kind = kind
                fields = ["kind"]
                if kind == WAITING:  # joins the end of the wait list
                    existing.created_at = timezone.now()
                    fields.append("created_at")
                existing.save(update_fields=fields)
                result = existing
            else:
                result = existing
        _promote(page)
    if result is not None:
        result.refresh_from_db(fields=["kind"])
    return result


def wait_list_position(attendance):
    """``attendance``'s place in its event's wait list (1 = next to get a place)."""
    ahead = Q(created_at__lt=attendance.created_at) | Q(
        created_at=attendance.created_at, pk__lt=attendance.pk
    )
    waiting = EventAttendance.objects.filter(page_id=attendance.page_id, kind=WAITING)
    return waiting.filter(ahead).count() + 1
