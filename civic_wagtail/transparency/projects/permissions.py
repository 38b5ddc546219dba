"""Which organisation may push data to which project: a django-guardian object permission on
the project, held by the organisation's group, kept in step with the page's organisation.

Wagtail never consults guardian for pages (it has its own page permissions), so guardian
guards only what this app checks itself: the ingest API.
"""

from django.contrib.auth.models import Permission
from guardian.shortcuts import get_objects_for_group

from ..models.projects import INGEST_PERMISSION, ProjectGroupObjectPermission, ProjectPage

PERMISSION = f"civic_wagtail_transparency.{INGEST_PERMISSION}"


def _permission():
    return Permission.objects.get(
        content_type__app_label="civic_wagtail_transparency", codename=INGEST_PERMISSION
    )


def sync_project(page):
    """Give ``page``'s organisation (only) the right to push data to it."""
    permission = _permission()
    group_id = page.organisation.group_id if page.organisation_id else None
    stale = ProjectGroupObjectPermission.objects.filter(
        content_object_id=page.pk, permission=permission
    )
    if group_id is not None:
        stale = stale.exclude(group_id=group_id)
        ProjectGroupObjectPermission.objects.get_or_create(
            content_object_id=page.pk, permission=permission, group_id=group_id
        )
    stale.delete()


def sync_many(pages):
    """:func:`sync_project` for pages built in bulk (new pages: no stale rows), one INSERT."""
    permission = _permission()
    ProjectGroupObjectPermission.objects.bulk_create(
        [
            ProjectGroupObjectPermission(
                content_object_id=page.pk,
                permission=permission,
                group_id=page.organisation.group_id,
            )
            for page in pages
        ],
        ignore_conflicts=True,
    )


def writable_by(organisation):
    """A callable for :func:`.ingest.check`: the ids among those given that ``organisation``'s
    group may write, in one query."""

    def allowed(ids):
        if organisation.group_id is None:
            return set()
        return set(
            get_objects_for_group(
                organisation.group,
                PERMISSION,
                klass=ProjectPage.objects.filter(pk__in=ids),
                accept_global_perms=False,
            ).values_list("pk", flat=True)
        )

    return allowed
