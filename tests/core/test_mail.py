"""The core mail service: after commit, unescaped, one-line subjects, the recipient's language,
retries with backoff, a sent-marker, and no other sender anywhere in the package."""

import ast
import logging
from datetime import timedelta
from pathlib import Path

import pytest
from django.core import mail as django_mail
from django.test import override_settings
from django.utils import timezone
from django_tasks import default_task_backend

from civic_wagtail import mail
from civic_wagtail.models import SentEmail
from tests.factories import member

pytestmark = pytest.mark.django_db

PACKAGE = Path(mail.__file__).resolve().parent
FORBIDDEN = {
    "send_mail",
    "send_mass_mail",
    "EmailMessage",
    "EmailMultiAlternatives",
    "mail_admins",
}
TRICKY = 'Fees & "O\'Brien" <draft>'


def mail_calls(source, filename="<source>"):
    """``(line, name)`` of every call to a Django mail sender in ``source``."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name in FORBIDDEN:
                found.append((node.lineno, name))
    return found


def test_the_scanner_finds_direct_and_dotted_calls():
    source = "send_mail('a', 'b', None, ['c'])\nmail.EmailMessage('s').send()\nprint(1)\n"
    assert mail_calls(source) == [(1, "send_mail"), (2, "EmailMessage")]


def test_no_module_but_the_service_sends_mail():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == Path(mail.__file__).resolve() or "migrations" in path.parts:
            continue
        for line, name in mail_calls(path.read_text(encoding="utf-8"), str(path)):
            offenders.append(f"{path.relative_to(PACKAGE.parent)}:{line} calls {name}")
    assert offenders == []


@pytest.fixture
def templates(tmp_path, settings):
    """A template folder of the test's own, searched first."""
    engine = {**settings.TEMPLATES[0], "DIRS": [str(tmp_path), *settings.TEMPLATES[0]["DIRS"]]}
    settings.TEMPLATES = [engine, *settings.TEMPLATES[1:]]

    def write(name, subject, body):
        """Write ``<name>_subject.txt`` and ``<name>_body.txt``; returns ``name``."""
        (tmp_path / "t").mkdir(exist_ok=True)
        (tmp_path / "t" / f"{name}_subject.txt").write_text(subject, encoding="utf-8")
        (tmp_path / "t" / f"{name}_body.txt").write_text(body, encoding="utf-8")
        return f"t/{name}"

    return write


def test_plain_text_arrives_verbatim_and_the_subject_on_one_line(
    templates, django_capture_on_commit_callbacks
):
    name = templates("plain", "About {{ title }}\n", "Hello {{ title }}, {{ recipient }}.\n")
    user = member(username="nia", email="nia@city.example.gov")
    with django_capture_on_commit_callbacks(execute=True):
        mail.send_templated(user, name, {"title": f"{TRICKY}\nBcc: x@example.com"})
    (message,) = django_mail.outbox
    assert message.subject == f"About {TRICKY} Bcc: x@example.com"
    assert message.body.startswith(f"Hello {TRICKY}")
    assert "&amp;" not in message.body and "&#x27;" not in message.body
    assert "&lt;" not in message.body and "&quot;" not in message.body
    assert message.to == ["nia@city.example.gov"]


def test_nothing_is_sent_before_the_commit_nor_after_a_rollback(templates):
    from django.db import transaction

    name = templates("plain", "Subject", "Body")
    user = member(username="nia")

    class Rollback(Exception):
        pass

    with pytest.raises(Rollback), transaction.atomic():
        mail.send_templated(user, name, {})
        assert django_mail.outbox == []
        raise Rollback
    assert django_mail.outbox == []


def test_written_in_the_recipients_language(templates, django_capture_on_commit_callbacks):
    from wagtail.users.models import UserProfile

    name = templates(
        "lang", "{% load i18n %}{% translate 'Yes' %}", "{% load i18n %}{% translate 'No' %}"
    )
    french, default = member(username="fifi"), member(username="dora")
    profile = UserProfile.get_for_user(french)
    profile.preferred_language = "fr"
    profile.save()
    with django_capture_on_commit_callbacks(execute=True):
        mail.send_templated(french, name, {})
        mail.send_templated(default, name, {})
        mail.send_templated("guest@example.com", name, {}, language="es")
    subjects = {m.to[0]: (m.subject, m.body.strip()) for m in django_mail.outbox}
    assert subjects[french.email] == ("Oui", "Non")
    assert subjects[default.email] == ("Yes", "No")
    assert subjects["guest@example.com"] == ("Sí", "No")


def test_a_profile_language_comes_first():
    from wagtail.users.models import UserProfile

    user = member(username="fifi")
    admin_profile = UserProfile.get_for_user(user)
    admin_profile.preferred_language = "fr"
    admin_profile.save()
    assert mail.recipient_language(user) == "fr"
    user.civic_profile.preferred_language = "es"
    user.civic_profile.save(update_fields=["preferred_language"])
    assert mail.recipient_language(user) == "es"
    assert mail.recipient_language(None) == "en"


def test_links_come_from_the_wagtail_site(home_page):
    from wagtail.models import Site

    Site.objects.filter(is_default_site=True).update(hostname="civic.example.gov", port=443)
    assert mail.site_url("/discussion/x/") == "https://civic.example.gov/discussion/x/"


class FlakyBackend:
    """An email backend that fails ``failures`` times (an unreachable SMTP server), then
    delivers to ``django.core.mail.outbox`` like the locmem backend."""

    failures = 0
    attempts = 0

    def __init__(self, *args, **kwargs):
        from django.core.mail.backends.locmem import EmailBackend

        self.inner = EmailBackend(*args, **kwargs)

    def send_messages(self, messages):
        type(self).attempts += 1
        if type(self).failures > 0:
            type(self).failures -= 1
            raise ConnectionRefusedError("SMTP server unreachable")
        return self.inner.send_messages(messages)


@pytest.fixture
def flaky(settings):
    settings.EMAIL_BACKEND = f"{__name__}.FlakyBackend"
    FlakyBackend.failures = 0
    FlakyBackend.attempts = 0
    return FlakyBackend


def _message(key="k1"):
    return {
        "key": mail.message_key(key, "a@example.com"),
        "to": "a@example.com",
        "subject": "S",
        "body": "B\n",
        "from_email": "site@example.com",
    }


def test_a_failure_is_retried_and_the_mail_sent_once(flaky, caplog):
    flaky.failures = 2
    with caplog.at_level(logging.WARNING, logger="civic_wagtail.mail"):
        assert mail.deliver.call(_message()) == "retrying"
    assert flaky.attempts == 3
    assert len(django_mail.outbox) == 1
    assert SentEmail.objects.count() == 1
    assert len([r for r in caplog.records if "retrying" in r.getMessage()]) == 2
    # The same message delivered again (a duplicate task, a retry after a lost ack): dropped.
    assert mail.deliver.call(_message()) == "duplicate"
    assert len(django_mail.outbox) == 1


def test_retries_are_bounded_and_logged(flaky, settings, caplog):
    settings.CIVIC_WAGTAIL_EMAIL_MAX_ATTEMPTS = 3
    flaky.failures = 100
    with caplog.at_level(logging.WARNING, logger="civic_wagtail.mail"):
        mail.deliver.call(_message())
    assert flaky.attempts == 3
    assert django_mail.outbox == [] and not SentEmail.objects.exists()
    assert any("Giving up" in r.getMessage() for r in caplog.records)


@override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}})
def test_a_deferring_queue_retries_later_with_backoff(flaky, settings):
    settings.CIVIC_WAGTAIL_EMAIL_RETRY_DELAY = 60
    flaky.failures = 1
    backend = default_task_backend
    backend.clear()
    before = timezone.now()
    assert mail.deliver.call(_message(), 1) == "retrying"
    (retry,) = backend.results
    assert retry.args == [_message(), 2] or list(retry.args) == [_message(), 2]
    assert retry.task.run_after >= before + timedelta(seconds=60)
    assert retry.task.run_after < before + timedelta(seconds=70)
    assert mail.retry_delay(3) == 120 and mail.retry_delay(4) == 240
    backend.clear()


def test_a_queue_that_cannot_be_reached_never_breaks_the_request(monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise ConnectionError("queue down")

    class Unreachable:
        enqueue = staticmethod(broken)

        def get_backend(self):
            raise ConnectionError("queue down")

    monkeypatch.setattr(mail, "deliver", Unreachable())
    with caplog.at_level(logging.ERROR, logger="civic_wagtail.mail"):
        mail._enqueue(_message(), 1)
        mail._enqueue(_message(), 2)
    assert any("Could not queue" in r.getMessage() for r in caplog.records)


def test_muted_blocks_queue_nothing(templates, django_capture_on_commit_callbacks):
    name = templates("plain", "S", "B")
    with django_capture_on_commit_callbacks(execute=True), mail.muted():
        assert mail.send_templated(member(username="nia"), name, {}) is None
    assert django_mail.outbox == []


def test_a_broken_template_is_logged_not_raised(caplog):
    with caplog.at_level(logging.ERROR, logger="civic_wagtail.mail"):
        assert mail.send_templated("a@example.com", "civic_wagtail/missing", {}) is None
    assert any("Could not prepare" in r.getMessage() for r in caplog.records)
