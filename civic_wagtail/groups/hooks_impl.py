"""What the groups app answers to other apps' hooks (registered in :mod:`.wagtail_hooks`)."""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpResponseNotFound
from django.utils import timezone

from . import access
from .models import GroupEvent, Membership, WorkingGroup


def thread_visibility(request, thread):
    """``civic_wagtail_thread_visibility``: a group's threads are its members' alone."""
    if thread.owner_type_id != ContentType.objects.get_for_model(WorkingGroup).pk:
        return None
    try:
        group = WorkingGroup.objects.filter(pk=int(thread.owner_id)).first()
    except (TypeError, ValueError):
        group = None
    if group is None:
        raise Http404
    access.check_space(request.user, group)
    return True


def personal_calendar_items(user):
    """``civic_wagtail_personal_calendar_items``: the events of the member's groups (from
    60 days ago on), in two queries whatever their number. Leaving a group takes its events
    out of the next poll."""
    from civic_wagtail.sections import section_page

    from .pages import GroupIndexPage

    groups = Membership.objects.filter(user=user, status=Membership.Status.ACTIVE).values(
        "group_id"
    )
    since = timezone.now() - timezone.timedelta(days=60)
    events = list(
        GroupEvent.objects.filter(group_id__in=groups, end__gte=since).select_related("group")
    )
    if not events:
        return []
    page = section_page(None, GroupIndexPage)
    base = (page.get_full_url() or "").rstrip("/") + "/" if page is not None else ""
    return [
        {
            "uid": f"group-event-{event.pk}@civic-wagtail-groups",
            "summary": f"{event.title} ({event.group.name})",
            "start": event.start,
            "end": event.end,
            "stamp": event.updated_at,
            "description": event.description,
            "location": event.location,
            "url": f"{base}{event.group.slug}/events/" if base else "",
        }
        for event in events
    ]


def before_serve_document(document, request):
    """Wagtail's document URL serves a group's file to its members only (404 to others)."""
    if not document.collection_id:
        return None
    group = WorkingGroup.objects.filter(collection_id=document.collection_id).first()
    if group is None or access.can_read(request.user, group):
        return None
    return HttpResponseNotFound()
