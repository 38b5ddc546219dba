"""Moderation state of comments and posting blocks of members.

A comment without a :class:`CommentModeration` row is an ordinary published comment. The row
records the latest decision and its reason, which the thread shows in place of a hidden
comment; the history of decisions is in Wagtail's audit log.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ModerationState(models.TextChoices):
    HELD = "held", _("Awaiting moderation")
    HIDDEN = "hidden", _("Hidden by a moderator")
    APPROVED = "approved", _("Approved")


class CommentModeration(models.Model):
    """The latest moderation decision about one comment."""

    comment = models.OneToOneField(
        "django_comments_xtd.XtdComment",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="civic_moderation",
    )
    state = models.CharField(
        _("state"), max_length=20, choices=ModerationState.choices, db_index=True
    )
    reason = models.CharField(_("reason"), max_length=255, blank=True)
    #: Null for automatic decisions (held on posting, hidden after reports).
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    #: Reports made before this moment have been dealt with.
    moderated_at = models.DateTimeField(_("moderated at"), auto_now=True)

    class Meta:
        verbose_name = _("comment moderation")
        verbose_name_plural = _("comment moderation")
        permissions = [("moderate_discussion", _("Can moderate forums and comments"))]

    def __str__(self):
        return f"{self.get_state_display()}: comment #{self.comment_id}"


class PostingBlock(models.Model):
    """A member who may not post threads or comments, and why."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="civic_posting_block",
    )
    reason = models.CharField(
        _("reason"), max_length=255, help_text=_("Shown to the member when they try to post.")
    )
    blocked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("blocked by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("blocked at"), auto_now_add=True)

    class Meta:
        verbose_name = _("posting block")
        verbose_name_plural = _("posting blocks")
        ordering = ["-created_at"]

    def __str__(self):
        return str(self.user)


class ReportReason(models.TextChoices):
    SPAM = "spam", _("Spam or advertising")
    ABUSE = "abuse", _("Harassment, abuse or hate")
    PERSONAL = "personal", _("Personal or confidential information")
    MISLEADING = "misleading", _("False or misleading")
    OFF_TOPIC = "off_topic", _("Off topic")
    OTHER = "other", _("Something else")


class CommentReport(models.Model):
    """Why a member reported a comment: the reason of one removal flag of comments-xtd."""

    flag = models.OneToOneField(
        "django_comments.CommentFlag",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="civic_report",
    )
    reason = models.CharField(_("reason"), max_length=20, choices=ReportReason.choices)
    details = models.TextField(_("details"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("comment report")
        verbose_name_plural = _("comment reports")

    def __str__(self):
        if self.details:
            return f"{self.get_reason_display()}: {self.details}"
        return str(self.get_reason_display())
