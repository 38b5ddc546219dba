"""The mail service with another template engine, people it cannot or must not write to,
languages it does not speak, unsafe headers, and two workers sending the same message."""

import logging

import pytest
from django.contrib.auth import get_user_model
from django.core import mail as django_mail
from django.core.mail.backends.locmem import EmailBackend

from civic_wagtail import mail
from civic_wagtail.members.models import MemberProfile
from civic_wagtail.models import SentEmail
from tests.factories import member

pytestmark = pytest.mark.django_db


@pytest.fixture
def templates(tmp_path, settings):
    """Write ``t/<name>_subject.txt`` and ``t/<name>_body.txt`` into a folder of the test's
    own, searched first by the Django template engine."""
    engine = {**settings.TEMPLATES[0], "DIRS": [str(tmp_path), *settings.TEMPLATES[0]["DIRS"]]}
    settings.TEMPLATES = [engine, *settings.TEMPLATES[1:]]
    return _writer(tmp_path)


def _writer(folder):
    def write(name, subject, body):
        (folder / "t").mkdir(exist_ok=True)
        (folder / "t" / f"{name}_subject.txt").write_text(subject, encoding="utf-8")
        (folder / "t" / f"{name}_body.txt").write_text(body, encoding="utf-8")
        return f"t/{name}"

    return write


def test_a_site_writing_its_emails_in_jinja2_gets_them_sent(
    tmp_path, settings, django_capture_on_commit_callbacks
):
    settings.TEMPLATES = [
        {
            "BACKEND": "django.template.backends.jinja2.Jinja2",
            "DIRS": [str(tmp_path)],
            "OPTIONS": {"autoescape": False},
        },
        *settings.TEMPLATES,
    ]
    name = _writer(tmp_path)("jinja", "About {{ title }}", "{{ title|upper }} & more\n")
    with django_capture_on_commit_callbacks(execute=True):
        assert mail.send_templated("a@example.com", name, {"title": "Transit"}) is not None
    [message] = django_mail.outbox
    assert (message.subject, message.body) == ("About Transit", "TRANSIT & more\n")


def test_nobody_is_written_to_without_an_address_or_an_active_account(
    templates, django_capture_on_commit_callbacks
):
    name = templates("plain", "S", "B")
    gone = member(username="gone", email="gone@city.example.gov", is_active=False)
    with django_capture_on_commit_callbacks(execute=True):
        assert mail.send_templated(gone, name, {}) is None
        assert mail.send_templated(member(username="noaddress", email=""), name, {}) is None
        assert mail.send_templated("", name, {}) is None
    assert django_mail.outbox == []


def test_a_language_the_site_does_not_offer_falls_back_to_the_default():
    user = member(username="klingon")
    user.civic_profile.preferred_language = "tlh"
    user.civic_profile.save(update_fields=["preferred_language"])
    assert mail.recipient_language(user) == "en"


def test_an_account_without_any_profile_is_written_to_in_the_default_language(
    templates, django_capture_on_commit_callbacks
):
    # Created outside the sign-up flow: no member profile, no admin profile row.
    bare = get_user_model().objects.create_user("bare", "bare@city.example.gov", "pw")
    assert not MemberProfile.objects.filter(user=bare).exists()
    assert mail.recipient_language(bare) == "en"
    name = templates("lang", "{% load i18n %}{% get_current_language as c %}{{ c }}", "B")
    with django_capture_on_commit_callbacks(execute=True):
        mail.send_templated(bare, name, {})
    assert [m.subject for m in django_mail.outbox] == ["en"]


def test_headers_go_out_and_a_line_break_in_one_is_refused(
    templates, django_capture_on_commit_callbacks, caplog
):
    name = templates("plain", "S", "B")
    with django_capture_on_commit_callbacks(execute=True):
        assert mail.send_templated(
            "a@example.com", name, {}, headers={"List-Unsubscribe": "<https://x.example/u>"}
        )
        with caplog.at_level(logging.ERROR, logger="civic_wagtail.mail"):
            injected = {"List-Unsubscribe": "<https://x.example/u>\r\nBcc: all@example.com"}
            assert mail.send_templated("b@example.com", name, {}, headers=injected) is None
    [message] = django_mail.outbox
    assert message.to == ["a@example.com"]
    assert message.extra_headers["List-Unsubscribe"] == "<https://x.example/u>"
    assert "Could not prepare the email" in caplog.text


class RacingBackend(EmailBackend):
    """Delivers, and meanwhile another worker records the same message as sent."""

    def send_messages(self, messages):
        sent = super().send_messages(messages)
        for message in messages:
            SentEmail.objects.create(key=message.extra_headers["X-Civic-Message-Key"])
        return sent


def test_two_workers_sending_one_message_record_it_once(settings):
    settings.EMAIL_BACKEND = f"{__name__}.RacingBackend"
    message = {
        "key": mail.message_key("race", "a@example.com"),
        "to": "a@example.com",
        "subject": "S",
        "body": "B\n",
        "from_email": "site@example.com",
    }
    assert mail.deliver.call(message) == "sent"
    assert SentEmail.objects.filter(key=message["key"]).count() == 1
    assert mail.deliver.call(message) == "duplicate"
    assert len(django_mail.outbox) == 1
