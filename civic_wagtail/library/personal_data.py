"""The library's part of export and erasure (``civic_wagtail_export_member``,
``civic_wagtail_erase_member``).

Published practices and case studies stay when their author leaves: ``Page.owner`` becomes
empty and pages show them as by "a former member". Drafts that only the member could see
are deleted with their account.
"""

from wagtail.models import Page

from .profile import status_label, submissions


def export_member(user):
    rows = []
    for page in submissions(user):
        rows.append(
            {
                "id": page.pk,
                "title": page.title,
                "status": str(status_label(page)),
                "live": page.live,
                "url": page.url_path,
                "last_edited": page.latest_revision_created_at,
            }
        )
    return {"case_studies": rows}


def erase_member(user):
    Page.objects.filter(owner=user, live=False, first_published_at__isnull=True).delete()
    Page.objects.filter(owner=user).update(owner=None)
    Page.objects.filter(locked_by=user).update(locked_by=None, locked=False)
