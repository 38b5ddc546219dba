"""Signals that queue a background evaluation of the rules for the members concerned.

Each rule names the models it watches (``BadgeRule.watch``), whichever app registered it
through ``civic_wagtail_badge_rules``: saves and deletions of those, and Wagtail's publish and
unpublish of their pages, queue :func:`~.awarding.evaluate_members` for just the members the
rule names (``BadgeRule.members_for``), after the transaction commits.

Saves are heard from every model and the sender looked up in the watched labels, because
rules come from hooks, which are read after start-up (``ready()`` only connects signals); the
labels are computed once per set of registered hook functions. Deletions are heard per model
(a receiver on every model would stop Django's fast bulk deletes): the seed rules' models from
start-up, other rules' models from the first time the labels are computed. The nightly
``award_badges`` catches anything a signal missed.
"""

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail import hooks
from wagtail.signals import page_published, page_unpublished

from .awarding import evaluate_members
from .rules import HOOK, registry

_watched = {}


def watched_rules():
    """``{"app_label.model": [rule, ...]}`` (lower case) of every rule in the registry."""
    fns = tuple(hooks.get_hooks(HOOK))
    if fns not in _watched:
        found = {}
        for rule in registry().values():
            for label in rule.watch:
                found.setdefault(label.lower(), []).append(rule)
        _watched.clear()
        _watched[fns] = found
        _connect_deletions(found)
    return _watched[fns]


def queue_for(instance):
    rules = watched_rules().get(instance._meta.label_lower)
    if not rules:
        return
    user_ids = set()
    for rule in rules:
        user_ids.update(pk for pk in rule.members_for(instance) if pk)
    if user_ids:
        ids = sorted(user_ids)
        transaction.on_commit(lambda: evaluate_members.enqueue(ids))


def _changed(sender, instance, raw=False, **kwargs):
    if not raw:
        queue_for(instance)


def _page_changed(sender, instance, **kwargs):
    queue_for(instance.specific_deferred if hasattr(instance, "specific_deferred") else instance)


def _connect_deletions(labels):
    for label in labels:
        try:
            model = apps.get_model(label)
        except (LookupError, ValueError):
            continue
        post_delete.connect(_changed, sender=model, dispatch_uid=f"civic_recognition.del.{label}")


def connect_watched_models():
    """Connect the receivers (called from ``ready()``)."""
    from .rules import SEED_RULES

    _connect_deletions(
        label.lower() for rule in SEED_RULES if rule.available() for label in rule.watch
    )
    post_save.connect(_changed, dispatch_uid="civic_recognition.saved")
    page_published.connect(_page_changed, dispatch_uid="civic_recognition.published")
    page_unpublished.connect(_page_changed, dispatch_uid="civic_recognition.unpublished")
