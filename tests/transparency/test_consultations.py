"""Consultations: status, responding (email link or member), one response per person,
editing until close, spam protection, results counted in the database, the outcome alert."""

import re

import pytest
from django.core import mail as outbox
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from civic_wagtail.transparency.models import (
    Answer,
    ConsultationStatus,
    ParagraphComment,
    Respondent,
)
from tests.factories import member

from .helpers import bulk_responses, close, consultation, consultation_index, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return consultation_index(home_page)


@pytest.fixture
def open_page(index):
    return consultation(index, draft=["First paragraph.", "Second paragraph."])


def _answers(page, **extra):
    questions = {q.kind: q for q in page.questions.all()}
    data = {
        f"q{questions['single'].pk}": "1",
        f"q{questions['multiple'].pk}": ["1", "3"],
        f"q{questions['scale'].pk}": "4",
        f"q{questions['text'].pk}": "Paint the lanes green.",
        "p2": "Too vague.",
        "publish_consent": "on",
    }
    data.update(extra)
    return data


def test_status_follows_dates_and_outcome(index):
    assert (
        consultation(index, title="Soon", state="upcoming").status == ConsultationStatus.UPCOMING
    )
    page = consultation(index, title="Now")
    assert page.status == ConsultationStatus.OPEN
    page = close(page)
    assert page.status == ConsultationStatus.CLOSED
    page.analysing = True
    assert page.status == ConsultationStatus.ANALYSING
    page.what_we_heard = "<p>Many of you asked for lanes.</p>"
    assert page.status == ConsultationStatus.OUTCOME


def test_citizen_responds_by_emailed_link_and_edits_until_close(
    client, open_page, django_capture_on_commit_callbacks
):
    url = f"/transparency/consultations/{open_page.pk}/respond/"
    assert "Your email address" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"email": "Ana@Example.org"})
    assert response.status_code == 200
    link = re.search(r"http://localhost(\S+)", outbox.outbox[-1].body).group(1)
    respondent = Respondent.objects.get()
    assert "example.org" not in respondent.email_hash and respondent.notify_email == ""
    form = client.get(link)
    assert form.status_code == 200 and "Comment on paragraph 2" in form.content.decode()
    assert client.post(link, _answers(open_page)).status_code == 200
    respondent.refresh_from_db()
    assert respondent.confirmed_at and respondent.submitted_at
    assert respondent.moderation == Respondent.Moderation.PENDING
    assert Answer.objects.filter(respondent=respondent).count() == 5
    assert ParagraphComment.objects.get().paragraph == 2
    # The same address again: the same response (one per person), a fresh link mailed.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"email": "ana@example.org"})
    assert Respondent.objects.count() == 1
    # Editing replaces the answers.
    client.post(link, _answers(open_page, p2="", publish_consent=""))
    assert Answer.objects.count() == 5 and not ParagraphComment.objects.exists()
    assert "already responded" in client.get(link).content.decode()
    # After the close the link no longer edits.
    close(open_page)
    assert client.post(link, _answers(open_page)).status_code == 403


def test_member_responds_with_account_once(client, open_page):
    user = member()
    client.force_login(user)
    url = f"/transparency/consultations/{open_page.pk}/respond/"
    assert "Your email address" not in client.get(url).content.decode()
    assert client.post(url, _answers(open_page, notify_outcome="on")).status_code == 200
    assert client.post(url, _answers(open_page)).status_code == 200
    respondent = Respondent.objects.get()
    assert respondent.user == user and respondent.email_hash == ""


def test_required_question_and_outcome_address_errors_say_what_to_change(client, open_page):
    client.force_login(member())
    questions = {q.kind: q for q in open_page.questions.all()}
    data = _answers(open_page)
    data.pop(f"q{questions['single'].pk}")
    response = client.post(f"/transparency/consultations/{open_page.pk}/respond/", data)
    assert response.status_code == 400 and "This field is required" in response.content.decode()
    assert not Respondent.objects.exists()


def test_anonymous_outcome_address_needed_when_asked(client, open_page):
    respondent = Respondent.objects.create(consultation=open_page, email_hash="x")
    link = f"/transparency/consultations/response/{respondent.token}/"
    response = client.post(link, _answers(open_page, notify_outcome="on"))
    assert response.status_code == 400
    assert "Give the address" in response.content.decode()


def test_honeypot_and_rate_limit(client, open_page):
    url = f"/transparency/consultations/{open_page.pk}/respond/"
    assert client.post(url, {"email": "a@example.org", "website": "x"}).status_code == 400
    limits = {"consultation_response": {"member": (2, 60), "anonymous": (2, 60)}}
    with override_settings(CIVIC_WAGTAIL_RATE_LIMITS=limits):
        for n in range(2):
            assert client.post(url, {"email": f"p{n}@example.org"}).status_code == 200
        response = client.post(url, {"email": "p9@example.org"})
    assert response.status_code == 429
    assert Respondent.objects.count() == 2


def test_closed_upcoming_missing_and_draft_refuse_responses(client, index):
    closed = close(consultation(index, title="Old"))
    upcoming = consultation(index, title="Soon", state="upcoming")
    assert client.get(f"/transparency/consultations/{closed.pk}/respond/").status_code == 403
    assert client.get(f"/transparency/consultations/{upcoming.pk}/respond/").status_code == 403
    assert client.get("/transparency/consultations/999999/respond/").status_code == 404
    assert client.get("/transparency/consultations/response/forged/").status_code == 404


def test_results_counted_in_database_and_texts_only_with_consent(client, open_page):
    bulk_responses(open_page, 30)
    spam = bulk_responses(open_page, 2, start=100)
    Respondent.objects.filter(pk__in=[r.pk for r in spam]).update(
        moderation=Respondent.Moderation.SPAM
    )
    page = close(open_page)
    html = client.get(page.url).content.decode()
    assert "30 responses" in html
    assert "Answer number 0." in html  # consented (0 % 3 == 0) and approved
    assert "Answer number 4." not in html  # no consent
    # 15 of 30 chose option 1 of the single choice.
    assert re.search(r"<th scope=\"row\">Yes</th><td>15</td>", html)


def test_paragraph_counts_are_shown_on_the_draft(client, open_page):
    for n in range(3):
        respondent = Respondent.objects.create(
            consultation=open_page, email_hash=f"h{n}", submitted_at="2026-01-01T00:00Z"
        )
        ParagraphComment.objects.create(
            respondent=respondent, consultation=open_page, paragraph=2, text="Hm."
        )
    html = client.get(open_page.url).content.decode()
    assert "0 comments" in html and "3 comments" in html


def _page_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def test_results_page_queries_do_not_grow_with_responses(client, open_page):
    page = close(open_page)
    bulk_responses(page, 10)
    client.get(page.url)
    small = _page_queries(client, page.url)
    bulk_responses(page, 10_000, start=10)
    large = _page_queries(client, page.url)
    assert large == small
    assert "10010 responses" in client.get(page.url).content.decode().replace(",", "")


def test_outcome_alerts_opted_in_respondents_once_and_erases_addresses(
    index, django_capture_on_commit_callbacks
):
    page = consultation(index)
    user = member(email="maria@example.gov")
    Respondent.objects.create(
        consultation=page, user=user, submitted_at="2026-01-01T00:00Z", notify_outcome=True
    )
    Respondent.objects.create(
        consultation=page,
        email_hash="h1",
        submitted_at="2026-01-01T00:00Z",
        notify_outcome=True,
        notify_email="citizen@example.org",
    )
    Respondent.objects.create(consultation=page, email_hash="h2", submitted_at="2026-01-01T00:00Z")
    page = close(page)
    assert not outbox.outbox
    page.what_we_heard = "<p>Most of you want lanes.</p>"
    page.what_we_will_do = "<p>We will build two.</p>"
    with django_capture_on_commit_callbacks(execute=True):
        page = publish(page)
    assert sorted(m.to[0] for m in outbox.outbox) == ["citizen@example.org", "maria@example.gov"]
    assert not Respondent.objects.exclude(notify_email="").exists()
    with django_capture_on_commit_callbacks(execute=True):
        publish(page)
    assert len(outbox.outbox) == 2


def test_respondent_addresses_never_on_public_pages_or_feeds(
    client, open_page, django_capture_on_commit_callbacks
):
    url = f"/transparency/consultations/{open_page.pk}/respond/"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"email": "secret-person@example.org"})
    link = re.search(r"http://localhost(\S+)", outbox.outbox[-1].body).group(1)
    client.post(
        link, _answers(open_page, notify_outcome="on", notify_email="secret-person@example.org")
    )
    Respondent.objects.update(moderation=Respondent.Moderation.APPROVED)
    page = close(open_page)
    for public in (
        page.url,
        "/consultations/",
        "/transparency/consultations/feed.atom",
        "/transparency/policy/feed.atom",
        "/calendar/all.ics",
    ):
        body = client.get(public).content.decode()
        assert "secret-person" not in body, public
    assert "Paint the lanes green." in client.get(page.url).content.decode()
