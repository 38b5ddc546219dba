"""Signal receivers: profiles on sign-up, verification on email confirmation."""

from allauth.account.signals import email_confirmed, user_signed_up
from django.dispatch import receiver

from civic_wagtail import roles

from .models import get_profile
from .verification import verify_by_email


@receiver(user_signed_up, dispatch_uid="civic_wagtail_members.signed_up")
def create_profile_on_signup(request, user, **kwargs):
    get_profile(user)
    user.groups.add(roles.get_group(roles.MEMBERS))


@receiver(email_confirmed, dispatch_uid="civic_wagtail_members.email_confirmed")
def verify_on_email_confirmed(request, email_address, **kwargs):
    verify_by_email(email_address.user, email_address.email)
