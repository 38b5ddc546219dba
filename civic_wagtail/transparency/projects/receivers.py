"""Signal receivers of the project part, connected in ``TransparencyConfig.ready``."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from ..models.projects import ProjectPage
from .permissions import sync_project


@receiver(post_save, sender=ProjectPage, dispatch_uid="civic_transparency_project_perms")
def project_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        sync_project(instance)
