"""Signal receivers: publishing a policy queues its change-log alerts, publishing a
consultation's outcome queues the respondents' alert. Both only queue background tasks."""

from django.dispatch import receiver
from wagtail.signals import page_published

from .alerts import queue_alerts
from .models import ConsultationPage, PolicyUpdatePage
from .outcomes import queue_outcome


@receiver(page_published, sender=PolicyUpdatePage)
def on_policy_published(sender, instance, **kwargs):
    queue_alerts(instance)


@receiver(page_published, sender=ConsultationPage)
def on_consultation_published(sender, instance, **kwargs):
    queue_outcome(instance)
