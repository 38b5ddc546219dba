"""Teams: a lead invites colleagues and sees their assessment results in aggregate only."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Team(models.Model):
    name = models.CharField(_("team name"), max_length=120)
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="improvement_teams_led"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("team")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name


def new_token():
    return secrets.token_urlsafe(24)


class TeamMember(models.Model):
    """An invitation, then (once accepted) a membership."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="improvement_team_memberships",
    )
    invited_at = models.DateTimeField(default=timezone.now)
    joined_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("team member")
        constraints = [
            models.UniqueConstraint(fields=["team", "user"], name="one_membership_per_team")
        ]

    def __str__(self):
        return f"{self.team_id}: {self.user_id}"
