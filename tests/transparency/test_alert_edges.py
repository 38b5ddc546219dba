"""Policy alerts past the happy path: following one policy, subscribing twice, expired and
replayed links, methods the views refuse, the rate limit, and an alert whose page is gone."""

import re
from datetime import date, timedelta

import pytest
from django.core import mail as outbox
from django.core.cache import cache
from django.utils import timezone

from civic_wagtail.transparency.models import AlertSubscription, PolicyAlert, PolicyChange
from tests.factories import TopicFactory

from .helpers import policy, policy_index, publish

pytestmark = pytest.mark.django_db
SUBSCRIBE = "/transparency/policy/alerts/subscribe/"


@pytest.fixture
def page(home_page):
    return policy(policy_index(home_page), title="Noise rules")


def _link(message):
    return re.search(r"http://localhost(\S+)", message.body).group(1)


def test_following_one_policy_names_it_from_subscribe_to_unsubscribe(
    client, page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SUBSCRIBE, {"email": "ana@example.org", "policy": page.pk})
    assert "To receive alerts about “Noise rules”" in response.content.decode()
    subscription = AlertSubscription.objects.get()
    assert subscription.policy_key == page.translation_key and subscription.topic is None
    confirm = _link(outbox.outbox[-1])
    assert "Receive an email when “Noise rules” changes." in client.get(confirm).content.decode()
    done = client.post(confirm).content.decode()
    assert "You will receive an email when “Noise rules” changes." in done
    assert f'href="{page.url}"' in done
    unsubscribe = client.get(f"/transparency/policy/alerts/unsubscribe/{subscription.token}/")
    assert "Stop the emails about “Noise rules”." in unsubscribe.content.decode()


def test_a_draft_or_unknown_policy_cannot_be_followed(client, page):
    page.unpublish()
    response = client.post(SUBSCRIBE, {"email": "ana@example.org", "policy": page.pk})
    assert response.status_code == 400
    assert "Choose a topic or a policy to follow." in response.content.decode()
    assert not AlertSubscription.objects.exists()


def test_subscribing_again_reuses_the_subscription_and_a_confirmed_one_gets_no_mail(
    client, django_capture_on_commit_callbacks
):
    TopicFactory(name="Noise", slug="noise")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(SUBSCRIBE, {"email": "ana@example.org", "topic": "noise"})
        client.post(SUBSCRIBE, {"email": "ANA@example.org", "topic": "noise"})
    assert AlertSubscription.objects.count() == 1
    assert len(outbox.outbox) == 1  # the same confirm link is not mailed twice in one day
    AlertSubscription.objects.update(confirmed_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SUBSCRIBE, {"email": "ana@example.org", "topic": "noise"})
    assert response.status_code == 200
    assert AlertSubscription.objects.count() == 1
    assert len(outbox.outbox) == 1


def test_subscriptions_are_rate_limited(client, settings):
    cache.clear()
    TopicFactory(name="Noise", slug="noise")
    settings.CIVIC_WAGTAIL_RATE_LIMITS = {"transparency_alert": {"anonymous": (2, 60)}}
    for n in range(2):
        response = client.post(SUBSCRIBE, {"email": f"p{n}@example.org", "topic": "noise"})
        assert response.status_code == 200
    refused = client.post(SUBSCRIBE, {"email": "p9@example.org", "topic": "noise"})
    assert refused.status_code == 429
    assert AlertSubscription.objects.count() == 2
    cache.clear()


def test_an_old_confirmation_link_has_expired(client, settings):
    settings.CIVIC_WAGTAIL_TRANSPARENCY_CONFIRM_DAYS = 7
    topic = TopicFactory(name="Noise", slug="noise")
    subscription = AlertSubscription.objects.create(email="ana@example.org", topic=topic)
    AlertSubscription.objects.filter(pk=subscription.pk).update(
        created_at=timezone.now() - timedelta(days=8)
    )
    url = f"/transparency/policy/alerts/confirm/{subscription.token}/"
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert AlertSubscription.objects.get().confirmed_at is None
    # Unsubscribing still works with an old link.
    unsubscribe = f"/transparency/policy/alerts/unsubscribe/{subscription.token}/"
    assert client.get(unsubscribe).status_code == 200


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_confirm_and_unsubscribe_answer_only_get_and_post(client, method):
    topic = TopicFactory(name="Noise", slug="noise")
    subscription = AlertSubscription.objects.create(email="ana@example.org", topic=topic)
    for view in ("confirm", "unsubscribe"):
        url = f"/transparency/policy/alerts/{view}/{subscription.token}/"
        response = getattr(client, method)(url)
        assert response.status_code == 405
        assert set(response["Allow"].split(", ")) == {"GET", "POST"}
    assert AlertSubscription.objects.get().confirmed_at is None


def test_an_alert_whose_page_was_deleted_before_sending_mails_nobody(
    page, django_capture_on_commit_callbacks
):
    AlertSubscription.objects.create(
        email="ana@example.org", policy_key=page.translation_key, confirmed_at=timezone.now()
    )
    page.changes.add(PolicyChange(date=date(2026, 4, 1), summary="In force."))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        publish(page)
    assert PolicyAlert.objects.count() == 2
    page.delete()  # before the queued task runs
    assert not PolicyAlert.objects.exists()
    for callback in callbacks:
        callback()
    assert outbox.outbox == []
