"""Who may post, and whose posts wait for a moderator."""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from civic_wagtail import roles
from civic_wagtail.conf import civic_settings
from civic_wagtail.members.models import is_verified_member

#: The Django permission that opens the moderation queue and moderation actions.
MODERATE_PERMISSION = "civic_wagtail_discussion.moderate_discussion"


class PostingRefused(Exception):
    """Raised when a user may not post at all; ``message`` says why, for the 403 page."""

    def __init__(self, message, login=False):
        super().__init__(message)
        self.message = message
        #: True when logging in would help (anonymous visitor).
        self.login = login


def can_moderate(user):
    """Moderators (and superusers) hold the moderation permission."""
    return user.is_authenticated and user.has_perm(MODERATE_PERMISSION)


def get_block(user):
    from .models import PostingBlock

    if not user.is_authenticated:
        return None
    return PostingBlock.objects.filter(user=user).first()


def check_can_post(user):
    """Raise :class:`PostingRefused` unless ``user`` may post threads and comments."""
    if not user.is_authenticated:
        if not civic_settings.DISCUSSION_ALLOW_ANONYMOUS:
            raise PostingRefused(
                _("Log in as a member to take part in the discussion."), login=True
            )
        return
    block = get_block(user)
    if block is not None:
        raise PostingRefused(
            _("A moderator has blocked you from posting: %(reason)s") % {"reason": block.reason}
        )
    if civic_settings.DISCUSSION_UNVERIFIED_POSTS == "refuse" and not is_verified_member(user):
        raise PostingRefused(_("Posting opens once a coordinator has verified your membership."))


def hold_reason(user, forum=None):
    """Why a new post by ``user`` (in ``forum``, a ForumTopicPage) waits for a moderator, or ''."""
    if roles.user_has_role(user, roles.MODERATORS):
        return ""
    if forum is not None and forum.pre_moderation:
        return _("Posts in this forum are checked by a moderator before they appear.")
    if not user.is_authenticated:
        return _("Posts by visitors are checked by a moderator before they appear.")
    if civic_settings.DISCUSSION_UNVERIFIED_POSTS == "hold" and not is_verified_member(user):
        return _("Posts by members who are not yet verified are checked by a moderator.")
    days = civic_settings.DISCUSSION_HOLD_NEW_MEMBERS_DAYS
    if days and user.date_joined > timezone.now() - timedelta(days=days):
        return _("Posts by new members are checked by a moderator before they appear.")
    return ""
