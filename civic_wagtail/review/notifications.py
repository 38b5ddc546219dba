"""Review emails: reviewers when asked to review, authors when a decision is made.

Sent through the core mail service (:mod:`civic_wagtail.mail`): after the transaction commits,
in each recipient's language, plain text unescaped. Templates live in
``civic_wagtail/review/email/<kind>_subject.txt`` and ``<kind>_body.txt``.
"""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from civic_wagtail import mail
from civic_wagtail.members.notify import Email, Kind, notify

#: The kinds of notification a member tunes (``civic_wagtail_notification_kinds``).
KINDS = [
    Kind("review.assigned", _("A review is assigned to you")),
    Kind("review.decision", _("Reviewers decide on your submission")),
]

#: What each email says in the member's notification list.
VERBS = {
    "review_requested": _("You are asked to review “{title}”"),
    "approval_recorded": _("A reviewer approved “{title}”"),
    "changes_requested": _("A reviewer asked for changes to “{title}”"),
    "review_completed": _("“{title}” passed peer review"),
    "revalidation_started": _("“{title}” is due for re-validation"),
}

#: Send no review email inside this block (the demo seeder replays whole reviews).
muted = mail.muted


def _admin_url(path):
    return mail.admin_url(path)


def _send(kind, users, context, key=None, url=""):
    """``key`` names the event (a decision, a record) so it notifies each person once."""
    verb = format_lazy(VERBS[kind], title=context["page_title"])
    for user in users:
        notify(
            user,
            "review.assigned" if kind == "review_requested" else "review.decision",
            verb,
            url=url or context.get("edit_path", ""),
            email=Email(f"civic_wagtail/review/email/{kind}", context),
            key=f"review.{kind}:{key}" if key is not None else None,
        )


def _context(state):
    workflow_state = state.workflow_state
    page = workflow_state.content_object
    edit_path = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return {
        "page_title": page.get_admin_display_title(),
        "edit_url": _admin_url(edit_path),
        "edit_path": edit_path,
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
    _send("review_completed", _authors(state), context, record.pk, url=page.url or "")


def revalidation_started(page, record, owners):
    edit_path = reverse("wagtailadmin_pages:edit", args=[page.pk])
    context = {
        "page_title": page.get_admin_display_title(),
        "edit_url": _admin_url(edit_path),
        "edit_path": edit_path,
        "record": record,
        "public_url": page.full_url,
    }
    _send("revalidation_started", owners, context)
