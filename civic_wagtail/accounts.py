"""Accounts that stop: one signal for "this person no longer acts here".

Deactivating an account (``is_active`` set to False and saved, as the admin and
``manage.py`` do) and deleting one must revoke the same access. Feature apps cannot import
each other, so each connects to :data:`account_closed` and revokes its own: mentoring its
object permissions, review the person's open assignments (reassigned), events the personal
calendar feed. A bulk ``QuerySet.update(is_active=False)`` sends no signal: call
:func:`close_account` for each user it changes.
"""

from django.conf import settings
from django.db.models.signals import post_save, pre_delete, pre_save
from django.dispatch import Signal

#: Sent with ``user`` (and ``deleted``: True before a deletion, False on deactivation).
account_closed = Signal()


def close_account(user, deleted=False):
    """Tell every feature app that ``user`` no longer acts on the site."""
    account_closed.send(sender=type(user), user=user, deleted=deleted)


def _note_deactivation(sender, instance, update_fields=None, raw=False, **kwargs):
    instance._civic_deactivated = False
    if raw or instance.pk is None or instance.is_active:
        return
    if update_fields is not None and "is_active" not in update_fields:
        return
    was_active = (
        type(instance)._default_manager.filter(pk=instance.pk, is_active=True).exists()
    )
    instance._civic_deactivated = was_active


def _deactivated(sender, instance, raw=False, **kwargs):
    if not raw and getattr(instance, "_civic_deactivated", False):
        instance._civic_deactivated = False
        close_account(instance)


def _deleted(sender, instance, **kwargs):
    close_account(instance, deleted=True)


def connect():
    model = settings.AUTH_USER_MODEL
    pre_save.connect(_note_deactivation, sender=model, dispatch_uid="civic_wagtail.accounts.1")
    post_save.connect(_deactivated, sender=model, dispatch_uid="civic_wagtail.accounts.2")
    pre_delete.connect(_deleted, sender=model, dispatch_uid="civic_wagtail.accounts.3")
