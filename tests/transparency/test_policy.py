"""Policy pages, filters, Atom feeds and email alerts (double opt-in, RFC 8058)."""

import re
from datetime import date

import feedparser
import pytest
from django.core import mail as outbox
from django.db import connection
from django.test.utils import CaptureQueriesContext

from civic_wagtail.transparency.models import AlertSubscription, PolicyAlert, PolicyChange
from tests.factories import GovernmentLevelFactory, TopicFactory

from .helpers import consultation, consultation_index, policy, policy_index, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def topic(db):
    return TopicFactory(name="Permits", slug="permits")


@pytest.fixture
def index(home_page):
    return policy_index(home_page)


def test_policy_page_shows_stage_log_newest_first_and_related(client, index, topic, home_page):
    other = consultation(consultation_index(home_page), title="Permit consultation")
    page = policy(
        index,
        topics=[topic],
        stage="adopted",
        changes=[(date(2026, 1, 5), "First draft."), (date(2026, 3, 1), "Adopted by council.")],
    )
    page.related_links.create(related=other)
    page = publish(page)
    html = client.get(page.url).content.decode()
    assert "Adopted" in html
    assert html.index("Adopted by council.") < html.index("First draft.")
    assert "Permit consultation" in html and "Consultations" in html
    assert 'type="application/atom+xml"' in html
    assert "/transparency/policy/topics/permits.atom" in html


def test_index_filters_by_stage_topic_and_level(client, index, topic):
    level = GovernmentLevelFactory(name="Municipal", slug="municipal")
    policy(index, title="Permit reform", topics=[topic], stage="adopted", government_level=level)
    policy(index, title="Waste plan", stage="proposed")
    assert "Waste plan" in client.get(index.url).content.decode()
    html = client.get(index.url, {"stage": "adopted"}).content.decode()
    assert "Permit reform" in html and "Waste plan" not in html
    html = client.get(index.url, {"topic": "permits"}).content.decode()
    assert "Permit reform" in html and "Waste plan" not in html
    html = client.get(index.url, {"level": "municipal"}).content.decode()
    assert "Permit reform" in html and "Waste plan" not in html
    html = client.get(index.url, {"stage": "nonsense", "topic": "nope"}).content.decode()
    assert "Waste plan" in html
    assert client.get(index.url, {"topic": "a\x00b"}).status_code == 400


@pytest.mark.parametrize(
    "url",
    [
        "/transparency/policy/feed.atom",
        "/transparency/policy/topics/permits.atom",
        "/transparency/consultations/feed.atom",
    ],
)
def test_feeds_parse_without_bozo_and_entries_are_complete(client, index, topic, home_page, url):
    policy(index, title="Permit reform", topics=[topic])
    consultation(consultation_index(home_page), title="Permit desk hours", topics=[topic])
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.entries
    for entry in feed.entries:
        assert entry.id and entry.updated and entry.link.startswith("http://localhost/")


def test_index_feed_has_policies_and_new_consultations(client, index, topic, home_page):
    policy(index, title="Permit reform", topics=[topic])
    consultation(consultation_index(home_page), title="Permit desk hours")
    titles = {
        e.title
        for e in feedparser.parse(client.get("/transparency/policy/feed.atom").content).entries
    }
    assert titles == {"Permit reform", "Permit desk hours"}


def test_unknown_topic_feed_is_404(client, index):
    assert client.get("/transparency/policy/topics/nothing.atom").status_code == 404


def _feed_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


@pytest.mark.parametrize(
    "url", ["/transparency/policy/feed.atom", "/transparency/policy/topics/permits.atom"]
)
def test_feed_queries_do_not_grow(client, index, topic, home_page, url):
    consultations = consultation_index(home_page)
    policy(index, title="Policy 0", topics=[topic])
    consultation(consultations, title="Consultation 0", topics=[topic])
    client.get(url)  # warm the site-root cache
    small = _feed_queries(client, url)
    for n in range(1, 12):
        policy(index, title=f"Policy {n}", topics=[topic])
    consultation(consultations, title="Consultation 1", topics=[topic])
    large = _feed_queries(client, url)
    assert large == small


def _links(message):
    return re.findall(r"http://localhost\S+", message.body)


def test_subscribe_confirm_alert_and_one_click_unsubscribe(
    client, index, topic, django_capture_on_commit_callbacks
):
    page = policy(index, topics=[topic])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/transparency/policy/alerts/subscribe/",
            {"email": "ana@example.org", "topic": "permits"},
        )
    assert response.status_code == 200 and "Check your email" in response.content.decode()
    confirm_mail = outbox.outbox[-1]
    assert confirm_mail.to == ["ana@example.org"]
    confirm_url = _links(confirm_mail)[0]
    subscription = AlertSubscription.objects.get()
    assert subscription.confirmed_at is None
    # An unconfirmed subscription receives nothing.
    page.changes.add(PolicyChange(date=date(2026, 2, 1), summary="Draft amended."))
    with django_capture_on_commit_callbacks(execute=True):
        page = publish(page)
    assert len(outbox.outbox) == 1
    # Opening the link shows a button; posting it confirms.
    assert client.get(confirm_url).status_code == 200
    AlertSubscription.objects.get()  # a GET confirms nothing
    assert AlertSubscription.objects.get().confirmed_at is None
    client.post(confirm_url)
    assert AlertSubscription.objects.get().confirmed_at is not None
    page.changes.add(PolicyChange(date=date(2026, 3, 1), summary="Adopted by council."))
    with django_capture_on_commit_callbacks(execute=True):
        publish(page)
    alert = outbox.outbox[-1]
    assert "Adopted by council." in alert.body
    assert "Draft amended." not in alert.body
    unsubscribe = alert.extra_headers["List-Unsubscribe"]
    assert alert.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe.startswith("<http://localhost/transparency/policy/alerts/unsubscribe/")
    # Publishing again does not alert twice for the same entry.
    with django_capture_on_commit_callbacks(execute=True):
        publish(page)
    assert len(outbox.outbox) == 2
    # RFC 8058: the mail client POSTs without a CSRF token.
    csrf_client = client_class_with_csrf()
    response = csrf_client.post(
        unsubscribe[1:-1].replace("http://localhost", ""), {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    assert not AlertSubscription.objects.exists()


def client_class_with_csrf():
    from django.test import Client

    return Client(enforce_csrf_checks=True)


def test_alerts_reach_policy_followers_once_and_only_default_locale(
    client, index, topic, django_capture_on_commit_callbacks
):
    page = policy(index, topics=[topic])
    AlertSubscription.objects.create(
        email="a@example.org", topic=topic, confirmed_at="2026-01-01T00:00Z"
    )
    AlertSubscription.objects.create(
        email="A@example.org", policy_key=page.translation_key, confirmed_at="2026-01-01T00:00Z"
    )
    AlertSubscription.objects.create(email="b@example.org", policy_key=page.translation_key)
    page.changes.add(PolicyChange(date=date(2026, 4, 1), summary="In force."))
    with django_capture_on_commit_callbacks(execute=True):
        publish(page)
    assert [[a.lower() for a in m.to] for m in outbox.outbox] == [["a@example.org"]]
    assert PolicyAlert.objects.count() == 2


def test_subscribe_refuses_honeypot_bad_email_and_missing_target(client, index, topic):
    url = "/transparency/policy/alerts/subscribe/"
    assert (
        client.post(
            url, {"email": "x@example.org", "topic": "permits", "website": "spam"}
        ).status_code
        == 400
    )
    assert client.post(url, {"email": "not-an-email", "topic": "permits"}).status_code == 400
    assert client.post(url, {"email": "x@example.org", "topic": "nope"}).status_code == 400
    assert (
        client.post(url, {"email": "x@example.org", "policy": "99999999999999999999"}).status_code
        == 400
    )
    assert client.get(url).status_code == 405
    assert not AlertSubscription.objects.exists()
    assert not outbox.outbox


def test_unknown_tokens_are_404(client):
    assert client.get("/transparency/policy/alerts/confirm/forged/").status_code == 404
    assert client.get("/transparency/policy/alerts/unsubscribe/forged/").status_code == 404
    assert client.post("/transparency/policy/alerts/unsubscribe/forged/").status_code == 200


def test_policy_edit_view_renders_with_a_chooser_narrowed_to_related_types(client, index, topic):
    from django.apps import apps
    from django.contrib.auth import get_user_model

    from civic_wagtail.transparency.models.policy import related_page_types

    page = publish(policy(index, topics=[topic]))
    user = get_user_model().objects.create_superuser("editor", "editor@city.example.gov", "pw")
    client.force_login(user)
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "civic_wagtail_transparency.consultationpage" in html.lower()
    assert "civic_wagtail_transparency.projectpage" in html.lower()
    types = related_page_types()
    assert "civic_wagtail_transparency.ConsultationPage" in types
    library = apps.is_installed("civic_wagtail.library")
    assert ("civic_wagtail_library.CaseStudyPage" in types) == library
    assert "wagtailcore.Page" not in types


def test_related_page_types_skip_apps_that_are_not_installed(monkeypatch):
    from civic_wagtail.transparency.models import policy as policy_models

    monkeypatch.setattr(
        policy_models,
        "RELATED_PAGE_TYPES",
        ("civic_wagtail_transparency.ProjectPage", "civic_wagtail_absent.PracticePage"),
    )
    assert policy_models.related_page_types() == ["civic_wagtail_transparency.ProjectPage"]
