"""Where a member's data export waits for them (see :mod:`civic_wagtail.members.privacy`)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DataExport(models.Model):
    """The latest zip of a member's data: a file in the default storage, built in a task."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="civic_data_exports"
    )
    #: Name of the zip in the default storage (random, never listed publicly).
    file = models.CharField(max_length=255)
    ready_at = models.DateTimeField(_("ready at"))

    class Meta:
        verbose_name = _("data export")
        verbose_name_plural = _("data exports")

    def __str__(self):
        return f"{self.user_id}: {self.ready_at:%Y-%m-%d %H:%M}"
