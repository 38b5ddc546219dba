"""The outcome alert: when a consultation's outcome ("What we heard", "What we will do") is
first published, every respondent who asked is mailed once, by a background task; a
citizen's address is erased once their mail is queued (it was kept for this only)."""

from django.db import transaction
from django_tasks import task
from wagtail.models import Locale

from civic_wagtail import mail

from .consultation_views import outcome_recipients
from .models import ConsultationPage, OutcomeAlert, Respondent

TEMPLATE = "civic_wagtail/transparency/email/consultation_outcome"


def queue_outcome(page):
    """Called on publish: queue the alert the first time the page has an outcome."""
    if not page.has_outcome or page.locale_id != Locale.get_default().pk:
        return
    _alert, created = OutcomeAlert.objects.get_or_create(consultation=page)
    if created and not mail.is_muted():
        transaction.on_commit(lambda: mail.enqueue_with_retries(send_outcome, page.pk))


@task()
def send_outcome(page_id):
    """Mail the outcome to the respondents who opted in; returns how many were queued."""
    page = ConsultationPage.objects.filter(pk=page_id).first()
    if page is None:
        return 0
    sent, erase = 0, []
    for respondent in outcome_recipients(page):
        recipient = respondent.user if respondent.user_id else respondent.notify_email
        mail.send_templated(
            recipient,
            TEMPLATE,
            {"page": page, "page_url": page.get_full_url()},
            key=f"transparency.outcome:{page.pk}:{respondent.pk}",
        )
        sent += 1
        if not respondent.user_id:
            erase.append(respondent.pk)
    Respondent.objects.filter(pk__in=erase).update(notify_email="")
    return sent
