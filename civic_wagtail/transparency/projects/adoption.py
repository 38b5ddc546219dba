"""Projects count in a practice's "adopted in N places" (hook
``civic_wagtail_practice_adoptions`` of :mod:`civic_wagtail.adoption`)."""

from civic_wagtail.adoption import Adoption

from ..models import ProjectPage, ProjectStatus


def project_adoptions(practice_ids):
    """Live, public, not cancelled projects that adopt one of ``practice_ids`` (one query for
    the projects; their URLs come from the cached site root paths)."""
    projects = (
        ProjectPage.objects.live()
        .public()
        .filter(practice_id__in=practice_ids)
        .exclude(status=ProjectStatus.CANCELLED)
        .only("title", "place", "url_path", "practice_id", "status", "locale_id")
        .order_by("pk")
    )
    return [
        Adoption(
            practice_id=project.practice_id,
            place=project.place,
            title=project.title,
            url=project.get_url() or "",
            measuring=project.status != ProjectStatus.COMPLETED,
        )
        for project in projects
    ]
