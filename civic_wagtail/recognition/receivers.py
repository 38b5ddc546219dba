"""Signals that queue a background evaluation of the rules for the members concerned.

Each rule names the models it watches (``BadgeRule.watch``); saves and deletions of those, and
Wagtail's publish and unpublish of their pages, queue :func:`~.awarding.evaluate_members` after
the transaction commits.
"""

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished

from .awarding import evaluate_members

_connected = set()


def queue_for(instance):
    from .rules import registry

    label = f"{instance._meta.app_label}.{instance._meta.object_name}"
    user_ids = set()
    for rule in registry().values():
        if label in rule.watch:
            user_ids.update(pk for pk in rule.members_for(instance) if pk)
    if user_ids:
        ids = sorted(user_ids)
        transaction.on_commit(lambda: evaluate_members.enqueue(ids))


def _changed(sender, instance, raw=False, **kwargs):
    if not raw:
        queue_for(instance)


def _page_changed(sender, instance, **kwargs):
    queue_for(instance.specific_deferred if hasattr(instance, "specific_deferred") else instance)


def connect_watched_models():
    """Connect the receivers to every model a seed rule watches (called from ``ready()``)."""
    from .rules import SEED_RULES

    for rule in SEED_RULES:
        if not rule.available():
            continue
        for label in rule.watch:
            if label in _connected:
                continue
            try:
                model = apps.get_model(label)
            except LookupError:
                continue
            _connected.add(label)
            post_save.connect(_changed, sender=model, dispatch_uid=f"civic_recognition.{label}")
            post_delete.connect(
                _changed, sender=model, dispatch_uid=f"civic_recognition.del.{label}"
            )
    page_published.connect(_page_changed, dispatch_uid="civic_recognition.published")
    page_unpublished.connect(_page_changed, dispatch_uid="civic_recognition.unpublished")
