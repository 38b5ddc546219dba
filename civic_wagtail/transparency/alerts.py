"""Email alerts on policy changes: subscribe (double opt-in, no account), confirm, one-click
unsubscribe (RFC 8058), and the background task that mails subscribers when an editor
publishes a change-log entry.

Every alert carries ``List-Unsubscribe: <https://.../unsubscribe/<token>/>`` and
``List-Unsubscribe-Post: List-Unsubscribe=One-Click``: a mail client POSTs
``List-Unsubscribe=One-Click`` to that URL (no cookie, no CSRF token) and the subscription is
gone. The same URL answers GET with a page and a button, for people who click the link.
"""

import logging
from datetime import timedelta

from django import forms
from django.db import transaction
from django.db.models import Q
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django_tasks import task
from wagtail.models import Locale

from civic_wagtail import mail
from civic_wagtail.conf import civic_settings
from civic_wagtail.models import Topic
from civic_wagtail.params import MAX_INTEGER
from civic_wagtail.ratelimit import throttle

from .models import AlertSubscription, PolicyAlert, PolicyUpdatePage
from .models.policy import is_token

logger = logging.getLogger(__name__)

TEMPLATES = "civic_wagtail/transparency"


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("Your email address"),
        help_text=_("We send a link to confirm. We use the address only for these alerts."),
    )
    topic = forms.SlugField(required=False, widget=forms.HiddenInput)
    policy = forms.IntegerField(
        required=False, min_value=1, max_value=MAX_INTEGER, widget=forms.HiddenInput
    )
    #: A honeypot: hidden from people by CSS, filled by bots.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def clean(self):
        data = super().clean()
        if data.get("website"):
            raise forms.ValidationError(_("Leave the last field empty."), code="honeypot")
        topic = policy = None
        if data.get("topic"):
            topic = Topic.objects.filter(slug=data["topic"]).order_by("locale_id").first()
        if data.get("policy"):
            policy = PolicyUpdatePage.objects.live().public().filter(pk=data["policy"]).first()
        if topic is None and policy is None:
            raise forms.ValidationError(_("Choose a topic or a policy to follow."))
        data["topic_obj"], data["policy_obj"] = topic, policy
        return data


def unsubscribe_headers(subscription):
    url = mail.site_url(
        reverse("civic_wagtail_transparency:alert_unsubscribe", args=[subscription.token])
    )
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def subscribe(request):
    """POST only: create (or renew) an unconfirmed subscription and mail the confirm link."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = SubscribeForm(request.POST)
    if not form.is_valid():
        return render(request, f"{TEMPLATES}/alert_subscribe.html", {"form": form}, status=400)
    refused = throttle(request, "transparency_alert")
    if refused:
        return refused
    data = form.cleaned_data
    topic, policy = data["topic_obj"], data["policy_obj"]
    target = (
        {"topic": topic, "policy_key": None}
        if policy is None
        else {
            "topic": None,
            "policy_key": policy.translation_key,
        }
    )
    with transaction.atomic():
        subscription = (
            AlertSubscription.objects.select_for_update()
            .filter(email__iexact=data["email"], **target)
            .first()
        )
        if subscription is None:
            subscription = AlertSubscription.objects.create(
                email=data["email"], language=translation.get_language() or "", **target
            )
        if subscription.confirmed_at is None:
            confirm = mail.site_url(
                reverse("civic_wagtail_transparency:alert_confirm", args=[subscription.token])
            )
            mail.send_templated(
                subscription.email,
                f"{TEMPLATES}/email/alert_confirm",
                {"confirm_url": confirm, "topic": topic, "policy": policy},
                key=f"transparency.alert-confirm:{subscription.token}:{timezone.now().date()}",
                language=subscription.language or None,
            )
    return render(
        request,
        f"{TEMPLATES}/alert_check_email.html",
        {"topic": topic, "policy": policy},
    )


def _subscription(token, *, confirmed=None):
    if not is_token(token):
        raise Http404
    found = get_object_or_404(AlertSubscription.objects.select_related("topic"), token=token)
    if confirmed is False and found.confirmed_at is None:
        age = timezone.now() - found.created_at
        if age > timedelta(days=civic_settings.TRANSPARENCY_CONFIRM_DAYS):
            raise Http404("Expired confirmation link")
    return found


def _policy_for(subscription):
    if subscription.policy_key is None:
        return None
    return PolicyUpdatePage.objects.filter(translation_key=subscription.policy_key).first()


def confirm(request, token):
    """GET: a page with a Confirm button (link scanners must not confirm); POST: confirm."""
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    subscription = _subscription(token, confirmed=False)
    if request.method == "POST" and subscription.confirmed_at is None:
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])
    return render(
        request,
        f"{TEMPLATES}/alert_confirm.html",
        {"subscription": subscription, "policy": _policy_for(subscription)},
    )


@csrf_exempt
def unsubscribe(request, token):
    """RFC 8058 one-click: POST (from the mail client or the button) deletes; GET asks.

    CSRF-exempt on purpose: the mail client posts without a session, and the secret token in
    the URL is the proof; the request can do nothing but remove that one subscription.
    """
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    if request.method == "POST":
        if not is_token(token):
            raise Http404
        deleted, _rows = AlertSubscription.objects.filter(token=token).delete()
        return render(request, f"{TEMPLATES}/alert_unsubscribed.html", {"deleted": deleted})
    subscription = _subscription(token)
    return render(
        request,
        f"{TEMPLATES}/alert_unsubscribe.html",
        {"subscription": subscription, "policy": _policy_for(subscription)},
    )


# --- sending ----------------------------------------------------------------------------


def queue_alerts(page):
    """Record each change-log entry of ``page`` not alerted yet and queue its alert.

    Called when ``page`` is published (never sends inside the request: the task is enqueued
    after the commit). Only the default-language page alerts, so a translation does not
    alert a second time; the mail links the subscriber's language when it exists.
    """
    if page.locale_id != Locale.get_default().pk:
        return
    for change in page.changes.all():
        alert, created = PolicyAlert.objects.get_or_create(
            fingerprint=change.fingerprint,
            defaults={"page": page, "change_date": change.date, "summary": change.summary},
        )
        if created and not mail.is_muted():
            transaction.on_commit(lambda pk=alert.pk: mail.enqueue_with_retries(send_alert, pk))


def subscribers(page):
    """Confirmed subscriptions to ``page`` or one of its topics, one per address."""
    slugs = list(page.topics.values_list("slug", flat=True))
    found = (
        AlertSubscription.objects.filter(confirmed_at__isnull=False)
        .filter(Q(policy_key=page.translation_key) | Q(topic__slug__in=slugs))
        .order_by("email", "-policy_key", "pk")
    )
    seen = {}
    for subscription in found.iterator():
        seen.setdefault(subscription.email.lower(), subscription)
    return list(seen.values())


@task()
def send_alert(alert_id):
    """Mail one change-log entry to its subscribers (a django-tasks task)."""
    alert = PolicyAlert.objects.select_related("page").filter(pk=alert_id).first()
    if alert is None:
        return 0
    page = alert.page.specific
    sent = 0
    translations = {
        p.locale.language_code: p
        for p in page.get_translations(inclusive=True).live().select_related("locale")
    }
    for subscription in subscribers(page):
        shown = translations.get(subscription.language, page)
        unsubscribe_url = unsubscribe_headers(subscription)["List-Unsubscribe"][1:-1]
        mail.send_templated(
            subscription.email,
            f"{TEMPLATES}/email/policy_alert",
            {
                "page": shown,
                "page_url": shown.get_full_url(),
                "change": alert,
                "topic": subscription.topic,
                "unsubscribe_url": unsubscribe_url,
            },
            key=f"transparency.policy-alert:{alert.pk}",
            language=subscription.language or None,
            headers=unsubscribe_headers(subscription),
        )
        sent += 1
    return sent
