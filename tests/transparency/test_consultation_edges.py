"""Consultation edges: the editor's form errors, a stored time zone that no longer exists,
and the moderation queue that shows a response's written answers and comments."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from civic_wagtail.transparency.models import (
    Answer,
    ConsultationPage,
    OutcomeAlert,
    ParagraphComment,
    Respondent,
)

from .helpers import consultation, consultation_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return consultation_index(home_page)


def _question(text, kind, options=""):
    return {"text": text, "kind": kind, "options": options, "required": ""}


def _form(**overrides):
    data = {
        "title": "Parking fees",
        "slug": "parking-fees",
        "summary": "Should parking cost more downtown?",
        "responsible_organisation": "City of Lyon",
        "opens_on": "2030-03-01",
        "opens_at": "09:00",
        "closes_on": "2030-03-31",
        "closes_at": "17:00",
        "time_zone": "Europe/Paris",
        "body": rich_text(""),
        "documents": streamfield([]),
        "questions": inline_formset([_question("Raise the fees?", "single", "Yes\nNo")]),
        "ways_to_respond": rich_text(""),
        "draft": streamfield([]),
        "privacy_notice": rich_text(""),
        "what_we_heard": rich_text(""),
        "what_we_will_do": rich_text(""),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def _add(admin_client, index, **overrides):
    url = f"/admin/pages/add/civic_wagtail_transparency/consultationpage/{index.pk}/"
    return admin_client.post(url, _form(**overrides))


def test_the_editor_adds_a_consultation_with_valid_dates_and_questions(admin_client, index):
    response = _add(admin_client, index)
    assert response.status_code == 302
    page = ConsultationPage.objects.get(slug="parking-fees")
    assert page.opens_utc.isoformat() == "2030-03-01T08:00:00+00:00"
    assert str(page.questions.get()) == "Raise the fees?"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"time_zone": "Mars/Olympus"}, "“Mars/Olympus” is not a time zone."),
        ({"time_zone": "../../etc/passwd"}, "is not a time zone. Choose one such as"),
        ({"closes_on": "2030-03-01", "closes_at": "09:00"}, "closing time must be after the"),
        (
            {"questions": inline_formset([_question("Which one?", "single", "Only\n\n ")])},
            "Give at least two options, one per line.",
        ),
        (
            {"questions": inline_formset([_question("Which ones?", "multiple", "")])},
            "Give at least two options, one per line.",
        ),
    ],
)
def test_the_editor_is_told_what_to_change(admin_client, index, overrides, message):
    response = _add(admin_client, index, **overrides)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ConsultationPage.objects.filter(slug="parking-fees").exists()


def test_a_stored_time_zone_that_no_longer_exists_is_shown_in_utc(client, index):
    # Written by an import, not the form (which refuses it): the page still answers, in UTC.
    page = consultation(index, title="Old zone")
    ConsultationPage.objects.filter(pk=page.pk).update(time_zone="Atlantis/Capital")
    response = client.get(page.url)
    assert response.status_code == 200
    opens = page.opens_on.isoformat()
    assert f'<time datetime="{opens}T09:00:00+00:00">' in response.content.decode()


@pytest.fixture
def response_with_texts(index):
    page = consultation(index, draft=["First.", "Second."])
    questions = {q.kind: q for q in page.questions.all()}
    respondent = Respondent.objects.create(
        consultation=page, email_hash="a" * 64, submitted_at=page.opens_utc
    )
    Answer.objects.create(respondent=respondent, question=questions["single"], choice=2)
    Answer.objects.create(
        respondent=respondent, question=questions["text"], text="Paint the lanes green."
    )
    ParagraphComment.objects.create(
        respondent=respondent, consultation=page, paragraph=2, text="Too vague."
    )
    return respondent


def test_the_moderator_reads_written_answers_and_comments_never_choices(
    admin_client, response_with_texts
):
    respondent = response_with_texts
    listing = admin_client.get("/admin/civic_wagtail_transparency_responses/")
    assert listing.status_code == 200
    assert f"Response #{respondent.pk}" in listing.content.decode()
    inspect = admin_client.get(
        f"/admin/civic_wagtail_transparency_responses/inspect/{respondent.pk}/"
    )
    html = inspect.content.decode()
    assert "Anything else?: Paint the lanes green." in html
    assert "Paragraph 2: Too vague." in html
    assert "Should we build it?" not in html  # a chosen option is not a text to moderate


def test_a_response_of_choices_only_says_so_to_the_moderator(admin_client, index):
    page = consultation(index)
    respondent = Respondent.objects.create(
        consultation=page, email_hash="b" * 64, submitted_at=page.opens_utc
    )
    Answer.objects.create(respondent=respondent, question=page.questions.first(), choice=1)
    inspect = admin_client.get(
        f"/admin/civic_wagtail_transparency_responses/inspect/{respondent.pk}/"
    )
    assert "(no written answer)" in inspect.content.decode()


def test_records_name_themselves_readably(response_with_texts):
    """How answers, comments and alerts appear in the shell, logs and Django's admin."""
    choice, text = response_with_texts.answers.order_by("pk")
    assert str(choice) == "2"
    assert str(text) == "Paint the lanes green."
    assert str(response_with_texts.paragraph_comments.get()) == "2: Too vague."
    alert = OutcomeAlert.objects.create(consultation=response_with_texts.consultation)
    assert str(alert) == str(response_with_texts.consultation_id)
