"""Award and revoke badges by their rules: idempotent, in a bounded number of queries.

:func:`run_rules` evaluates every rule that a badge uses, for everyone (the nightly
``manage.py award_badges``) or for some members (the background task queued by signals), and
brings the awards in line: new qualifiers get an award (``bulk_create`` that ignores the
``(badge, recipient)`` constraint, so two runs never award twice), members whose evidence is
gone (a case study unpublished) have theirs revoked, members who qualify again get theirs back.
Badges granted by hand (``granted_by`` set, or a badge without a rule) are never touched.

Queries: one for the badges, then per rule in use one for who qualifies, one for the current
awards, at most three writes, and for new awards one read-back and the few queries of
:func:`~.notifications.announce` (a notification to each new holder), whatever the number of
members or contributions.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from .models import Award, Badge
from .notifications import announce
from .rules import registry


def _content_types(labels):
    found = {}
    for label in labels:
        app_label, model = label.split(".")
        found[label] = ContentType.objects.get_by_natural_key(app_label, model)
    return found


def evidence_urls(label, pks):
    """``{pk: path}`` of the evidence objects of one model, in one query.

    Pages give their URL, other objects their ``get_absolute_url()``; objects without a
    public page (a review decision, a mentorship) give none.
    """
    from django.apps import apps
    from wagtail.models import Page

    model = apps.get_model(label)
    if issubclass(model, Page):
        pages = Page.objects.filter(pk__in=pks).only("url_path", "path", "depth")
        return {page.pk: page.get_url() or "" for page in pages}
    if not hasattr(model, "get_absolute_url"):
        return {}
    return {obj.pk: obj.get_absolute_url() or "" for obj in model._base_manager.filter(pk__in=pks)}


def run_rules(user_ids=None):
    """Award, restore and revoke rule badges; returns ``{"awarded", "restored", "revoked"}``."""
    rules = registry()
    badges = [
        badge
        for badge in Badge.objects.filter(locale__language_code__isnull=False)
        .exclude(rule="")
        .order_by("pk")
        if badge.rule in rules
    ]
    # One badge per rule and translation key: awards point at the first row of each badge.
    seen, chosen = set(), []
    for badge in badges:
        if badge.translation_key not in seen:
            seen.add(badge.translation_key)
            chosen.append(badge)
    totals = {"awarded": 0, "restored": 0, "revoked": 0}
    now = timezone.now()
    for badge in chosen:
        qualifying = rules[badge.rule].qualifying(user_ids)
        current = Award.objects.filter(badge=badge)
        if user_ids is not None:
            current = current.filter(recipient__in=user_ids)
        current = {
            row["recipient"]: row
            for row in current.values("pk", "recipient", "revoked_at", "granted_by")
        }
        fresh = {uid: ev for uid, ev in qualifying.items() if uid not in current}
        types = _content_types({evidence.model for evidence in fresh.values()})
        urls = {
            label: evidence_urls(label, [ev.pk for ev in fresh.values() if ev.model == label])
            for label in types
        }
        new = [
            Award(
                badge=badge,
                recipient_id=user_id,
                evidence_type=types[evidence.model],
                evidence_id=str(evidence.pk),
                evidence_url=urls[evidence.model].get(evidence.pk, "")[:500],
                awarded_at=now,
            )
            for user_id, evidence in fresh.items()
        ]
        restore = [
            row["pk"]
            for user_id, row in current.items()
            if user_id in qualifying and row["revoked_at"] is not None and not row["granted_by"]
        ]
        revoke = [
            row["pk"]
            for user_id, row in current.items()
            if user_id not in qualifying and row["revoked_at"] is None and not row["granted_by"]
        ]
        with transaction.atomic():
            if new:
                Award.objects.bulk_create(new, batch_size=1000, ignore_conflicts=True)
                # Only the rows this run wrote (a concurrent run may have won a conflict).
                created = list(
                    Award.objects.filter(badge=badge, awarded_at=now).select_related("recipient")
                )
                totals["awarded"] += len(created)
                announce(badge, created)
            if restore:
                totals["restored"] += Award.objects.filter(pk__in=restore).update(
                    revoked_at=None, revocation_reason=""
                )
            if revoke:
                totals["revoked"] += Award.objects.filter(pk__in=revoke).update(
                    revoked_at=now, revocation_reason=_("Its evidence is no longer published.")
                )
    return totals


@task()
def evaluate_members(user_ids):
    """The background task queued by signals: :func:`run_rules` for some members."""
    return run_rules(sorted(set(user_ids)))


@task()
def evaluate_everyone():
    return run_rules()
