"""Signal receivers that keep object permissions in step with deletions.

Permission rows *on* a mentorship or mentor profile live in direct-foreign-key tables and go
with the object. One grant outlives a deleted mentorship, though: the mentee's permission
on the mentor's profile (the contact details). It is removed here.
"""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from civic_wagtail.accounts import account_closed

from .models import (
    OCCUPYING,
    MentorProfileUserObjectPermission,
    Mentorship,
    MentorshipUserObjectPermission,
)
from .privacy import CONTACT


@receiver(post_delete, sender=Mentorship, dispatch_uid="civic_wagtail_mentoring.revoke_contact")
def revoke_contact_of_deleted_mentorship(sender, instance, **kwargs):
    # Ids only: during a cascade the mentor profile or the mentee may be gone already.
    if instance.status not in OCCUPYING:
        return
    still_mentored = Mentorship.objects.filter(
        mentor_id=instance.mentor_id, mentee_id=instance.mentee_id, status__in=OCCUPYING
    ).exists()
    if not still_mentored:
        MentorProfileUserObjectPermission.objects.filter(
            user_id=instance.mentee_id,
            content_object_id=instance.mentor_id,
            permission__codename=CONTACT,
        ).delete()


@receiver(account_closed, dispatch_uid="civic_wagtail_mentoring.account_closed")
def revoke_closed_account(sender, user, **kwargs):
    """A deactivated account loses every object permission it held, as a deleted one does
    (its rows go with the user there): the mentorships' private parts and mentor contacts.
    Reactivating the account does not bring them back."""
    MentorshipUserObjectPermission.objects.filter(user=user).delete()
    MentorProfileUserObjectPermission.objects.filter(user=user).delete()
