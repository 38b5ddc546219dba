"""Erasing a member from the discussion while keeping the discussion readable.

django-contrib-comments copies the author's name, email and URL into every comment row and
stores the IP address; its ``user`` foreign key is SET_NULL, so deleting an account alone would
leave all of that behind. :func:`erase_member` blanks those columns and detaches the rows (and
the member's threads); templates then show "a former member".
"""

from django.db import transaction
from django.db.models import Q
from django_comments_xtd import get_model

from .models import Thread


def member_comments(user):
    """Comment rows written by ``user``: linked to the account or posted with its address."""
    rows = Q(user=user)
    if user.email:
        rows |= Q(user_email__iexact=user.email)
    return get_model().norel_objects.filter(rows)


def erase_member(user):
    """Remove ``user``'s personal data from every comment row and detach their threads.

    Returns the number of comment rows changed. Runs on account deletion (``pre_delete``) and
    may be called to anonymise a member who keeps their account.
    """
    with transaction.atomic():
        changed = member_comments(user).update(
            user=None,
            user_name="",
            user_email="",
            user_url="",
            ip_address=None,
            followup=False,
        )
        Thread.objects.filter(author=user).update(author=None)
        Thread.objects.filter(last_poster=user).update(last_poster=None)
    return changed
