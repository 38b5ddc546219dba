"""Signal receivers: publishing a policy queues its change-log alerts, publishing a
consultation's outcome queues the respondents' alert. Both only queue background tasks."""

from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from . import calendar_items as calendar
from .alerts import queue_alerts
from .models import ConsultationPage, PolicyUpdatePage
from .outcomes import queue_outcome


@receiver(page_published, sender=PolicyUpdatePage)
def on_policy_published(sender, instance, **kwargs):
    queue_alerts(instance)


@receiver(page_published, sender=ConsultationPage)
def on_consultation_published(sender, instance, **kwargs):
    calendar.bump()
    queue_outcome(instance)


@receiver(page_unpublished, sender=ConsultationPage)
@receiver(post_delete, sender=ConsultationPage)
def on_consultation_removed(sender, instance, **kwargs):
    calendar.bump()
