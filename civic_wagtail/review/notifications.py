"""Review emails: reviewers when asked to review, authors when a decision is made.

Messages are rendered here (in the request, with the recipient's data) and sent with
Django's mail framework by a django-tasks task, after the transaction commits so that a
rolled-back decision never sends mail. Templates live in
``civic_wagtail/review/email/<kind>.txt``; the first line is the subject.
"""

import threading
from contextlib import contextmanager

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django_tasks import task

from civic_wagtail.conf import civic_settings


@task()
def send_review_email(subject, body, recipients):
    """Send one message (a django-tasks task: arguments are plain strings)."""
    send_mail(subject, body, None, recipients, fail_silently=False)


_local = threading.local()


@contextmanager
def muted():
    """Send no review email inside this block (the demo seeder replays whole reviews)."""
    previous = getattr(_local, "muted", False)
    _local.muted = True
    try:
        yield
    finally:
        _local.muted = previous


def _admin_url(path):
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    return f"{base}{path}"


def _send(kind, users, context):
    if getattr(_local, "muted", False):
        return
    for user in users:
        if not user.email:
            continue
        text = render_to_string(
            f"civic_wagtail/review/email/{kind}.txt", {**context, "recipient": user}
        ).strip()
        subject, _sep, body = text.partition("\n")
        args = (subject.strip(), body.strip() + "\n", [user.email])

        def deliver(args=args):
            if civic_settings.REVIEW_EMAILS_USE_TASKS:
                send_review_email.enqueue(*args)
            else:
                send_review_email.call(*args)

        transaction.on_commit(deliver)


def _context(state):
    workflow_state = state.workflow_state
    page = workflow_state.content_object
    return {
        "page_title": page.get_admin_display_title(),
        "edit_url": _admin_url(reverse("wagtailadmin_pages:edit", args=[page.pk])),
        "task_state": state,
        "approvals_required": state.approvals_required,
    }


def _authors(state, exclude=None):
    from .decisions import authors_of

    ids = authors_of(state) - {getattr(exclude, "pk", None)}
    return list(get_user_model().objects.filter(pk__in=ids, is_active=True).order_by("pk"))


def review_requested(state, reviewers):
    _send("review_requested", reviewers, _context(state))


def approval_recorded(state, decision, count):
    context = {**_context(state), "decision": decision, "count": count}
    _send("approval_recorded", _authors(state, exclude=decision.reviewer), context)


def changes_requested(state, decision):
    context = {**_context(state), "decision": decision}
    _send("changes_requested", _authors(state, exclude=decision.reviewer), context)


def review_completed(state, record):
    if record is None:
        return
    page = state.workflow_state.content_object.specific
    context = {**_context(state), "record": record, "public_url": page.full_url}
    _send("review_completed", _authors(state), context)


def revalidation_started(page, record, owners):
    context = {
        "page_title": page.get_admin_display_title(),
        "edit_url": _admin_url(reverse("wagtailadmin_pages:edit", args=[page.pk])),
        "record": record,
        "public_url": page.full_url,
    }
    _send("revalidation_started", owners, context)
