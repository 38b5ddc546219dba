"""Review emails: reviewers when asked to review, authors when a decision is made.

Sent through the core mail service (:mod:`civic_wagtail.mail`): after the transaction commits,
in each recipient's language, plain text unescaped. Templates live in
``civic_wagtail/review/email/<kind>_subject.txt`` and ``<kind>_body.txt``.
"""

from django.contrib.auth import get_user_model
from django.urls import reverse

from civic_wagtail import mail

#: Send no review email inside this block (the demo seeder replays whole reviews).
muted = mail.muted


def _admin_url(path):
    return mail.admin_url(path)


def _send(kind, users, context, key=None):
    """``key`` names the event (a decision, a record) so it mails each person once."""
    for user in users:
        mail.send_templated(
            user,
            f"civic_wagtail/review/email/{kind}",
            context,
            key=f"review.{kind}:{key}" if key is not None else None,
        )


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
    _send("approval_recorded", _authors(state, exclude=decision.reviewer), context, decision.pk)


def changes_requested(state, decision):
    context = {**_context(state), "decision": decision}
    _send("changes_requested", _authors(state, exclude=decision.reviewer), context, decision.pk)


def review_completed(state, record):
    if record is None:
        return
    page = state.workflow_state.content_object.specific
    context = {**_context(state), "record": record, "public_url": page.full_url}
    _send("review_completed", _authors(state), context, record.pk)


def revalidation_started(page, record, owners):
    context = {
        "page_title": page.get_admin_display_title(),
        "edit_url": _admin_url(reverse("wagtailadmin_pages:edit", args=[page.pk])),
        "record": record,
        "public_url": page.full_url,
    }
    _send("revalidation_started", owners, context)
