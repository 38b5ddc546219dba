"""Privacy self-service: a member downloads what the site holds about them, or erases it.

Two hooks let every app take part without the members app knowing them:

``civic_wagtail_export_member``
    called as ``fn(user)``; returns ``{"name": [row, ...]}``, each row a dict of JSON-friendly
    values. Every name becomes ``name.json`` and ``name.csv`` in the member's zip.
``civic_wagtail_erase_member``
    called as ``fn(user)`` inside one transaction, before the account is deleted; erases or
    anonymises what the app keeps about the member that deleting the user row would not
    (copied names and addresses, ``SET_NULL`` rows, free text). Published pages stay, shown as
    by "a former member".

The export is built by a django-tasks task (:func:`build_export`) into the default storage and
offered through a signed link that expires after ``CIVIC_WAGTAIL_MEMBERS_EXPORT_MAX_AGE``
seconds (:func:`download_token`); only the member it belongs to can open it.
"""

import csv
import io
import json
import secrets
import zipfile

from django.contrib.auth import get_user_model
from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from wagtail import hooks

from civic_wagtail.conf import civic_settings

EXPORT_HOOK = "civic_wagtail_export_member"
ERASE_HOOK = "civic_wagtail_erase_member"
SALT = "civic_wagtail.members.export"
FOLDER = "civic_wagtail_exports"


def collect(user):
    """``{name: rows}`` from every app's export hook."""
    data = {}
    for fn in hooks.get_hooks(EXPORT_HOOK):
        for name, rows in (fn(user) or {}).items():
            data.setdefault(name, []).extend(rows)
    return data


def _csv(rows):
    columns = []
    for row in rows:
        columns.extend(key for key in row if key not in columns)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {
                key: json.dumps(value, cls=DjangoJSONEncoder)
                if isinstance(value, dict | list)
                else value
                for key, value in row.items()
            }
        )
    return out.getvalue()


def export_zip(user):
    """The bytes of ``user``'s zip: ``<name>.json`` and ``<name>.csv`` for every hook's table."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, rows in sorted(collect(user).items()):
            archive.writestr(
                f"{name}.json",
                json.dumps(rows, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
            )
            archive.writestr(f"{name}.csv", _csv(rows))
    return buffer.getvalue()


@task()
def build_export(user_id):
    """Build the zip of member ``user_id`` and record where it is. Returns the storage name."""
    from .models import DataExport

    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return None
    name = default_storage.save(
        f"{FOLDER}/{secrets.token_urlsafe(24)}.zip", ContentFile(export_zip(user))
    )
    previous = list(DataExport.objects.filter(user=user).values_list("file", flat=True))
    with transaction.atomic():
        DataExport.objects.filter(user=user).delete()
        DataExport.objects.create(user=user, file=name, ready_at=timezone.now())
    for old in previous:
        if old:
            default_storage.delete(old)
    return name


def request_export(user):
    """Queue the member's export once the current transaction commits."""
    transaction.on_commit(lambda: build_export.enqueue(user.pk))


def download_token(export):
    return signing.dumps({"e": export.pk, "u": export.user_id}, salt=SALT)


def export_from_token(token, user):
    """The export a token opens for ``user``, or None when forged, expired or another's."""
    from .models import DataExport

    try:
        data = signing.loads(token, salt=SALT, max_age=int(civic_settings.MEMBERS_EXPORT_MAX_AGE))
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("u") != user.pk:
        return None
    return DataExport.objects.filter(pk=data.get("e"), user=user).first()


def run_erasure_hooks(user):
    """Every app's ``civic_wagtail_erase_member``, once per user object."""
    if getattr(user, "_civic_erased", False):
        return
    for fn in hooks.get_hooks(ERASE_HOOK):
        fn(user)
    user._civic_erased = True


def erase_member(user):
    """Erase ``user``: every app's erasure hook, then the account itself, in one transaction.

    Deleting a user elsewhere (the admin, a shell) runs the same hooks, from ``pre_delete``.
    """
    from .models import DataExport

    with transaction.atomic():
        run_erasure_hooks(user)
        files = list(DataExport.objects.filter(user=user).values_list("file", flat=True))
        user.delete()
    for name in files:
        if name:
            transaction.on_commit(lambda name=name: default_storage.delete(name))
