"""Signal receivers: profiles on sign-up, verification on email confirmation, and the
Members group kept equal to the verified members."""

from allauth.account.signals import email_confirmed, user_signed_up
from django.conf import settings
from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver

from .models import MemberProfile, get_profile
from .verification import sync_members_group, verify_by_email


@receiver(user_signed_up, dispatch_uid="civic_wagtail_members.signed_up")
def create_profile_on_signup(request, user, **kwargs):
    # Not yet a member of the Members group: that follows verification (sync_members_group).
    get_profile(user)


@receiver(email_confirmed, dispatch_uid="civic_wagtail_members.email_confirmed")
def verify_on_email_confirmed(request, email_address, **kwargs):
    verify_by_email(email_address.user, email_address.email)


@receiver(post_save, sender=MemberProfile, dispatch_uid="civic_wagtail_members.group")
def sync_group_on_save(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw:
        return
    if update_fields is not None and "verification_status" not in update_fields:
        return
    sync_members_group(instance)


@receiver(pre_delete, sender=settings.AUTH_USER_MODEL, dispatch_uid="civic_wagtail_members.erase")
def erase_deleted_member(sender, instance, **kwargs):
    """An account deleted anywhere (the admin, a shell) is erased by every app's hook first:
    comment rows, for one, keep a copy of name, email and IP address."""
    from .privacy import run_erasure_hooks

    run_erasure_hooks(instance)
