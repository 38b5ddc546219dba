"""Erasing a member from the discussion while keeping the discussion readable.

django-contrib-comments copies the author's name, email and URL into every comment row and
stores the IP address; its ``user`` foreign key is SET_NULL, so deleting an account alone would
leave all of that behind. :func:`erase_member` blanks those columns and detaches the rows (and
the member's threads); templates then show "a former member".
"""

from django.db import transaction
from django.db.models import Q, Value
from django.db.models.functions import Replace
from django.utils.translation import gettext as _
from django_comments_xtd import get_model

from civic_wagtail.members.models import MemberProfile

from .models import Thread


def member_comments(user):
    """Comment rows written by ``user``: linked to the account or posted with its address."""
    rows = Q(user=user)
    if user.email:
        rows |= Q(user_email__iexact=user.email)
    return get_model().norel_objects.filter(rows)


def identifiers(user):
    """What names ``user`` in text they wrote: display name, full name, username, email."""
    profile = MemberProfile.objects.filter(user=user).first()
    names = {
        profile.display_name if profile else "",
        user.get_full_name(),
        user.get_username(),
        user.email,
    }
    # Longest first: "Ana Lopez" before "Ana".
    return sorted((name for name in names if name and len(name) > 2), key=len, reverse=True)


def erase_member(user):
    """Remove ``user``'s personal data from every comment row and detach their threads.

    Where the member named themselves in what they wrote (a signature, an address), the name
    becomes "a former member". Returns the number of comment rows changed. Runs on account
    deletion (the ``civic_wagtail_erase_member`` hook) and may be called to anonymise a member
    who keeps their account.
    """
    former = Value(_("a former member"))
    with transaction.atomic():
        comments = member_comments(user)
        threads = Thread.objects.filter(author=user)
        for name in identifiers(user):
            comments.update(comment=Replace("comment", Value(name), former))
            threads.update(
                title=Replace("title", Value(name), former),
                body=Replace("body", Value(name), former),
            )
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


def export_member(user):
    """The member's comments and threads (``civic_wagtail_export_member``)."""
    comments = member_comments(user).order_by("submit_date", "pk")
    return {
        "comments": [
            {
                "id": comment.pk,
                "on": f"{comment.content_type.model}:{comment.object_pk}",
                "name": comment.user_name,
                "email": comment.user_email,
                "text": comment.comment,
                "submitted": comment.submit_date,
                "public": comment.is_public,
                "removed": comment.is_removed,
                "follows_replies": comment.followup,
            }
            for comment in comments.select_related("content_type")
        ],
        "threads": list(
            Thread.objects.filter(author=user)
            .order_by("created_at", "pk")
            .values("id", "title", "body", "status", "created_at", "forum__title")
        ),
    }
