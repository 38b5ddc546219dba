"""The package's one way to send email.

Every email of every feature goes through :func:`send_templated`:

- it is rendered at once, in the recipient's language (:func:`recipient_language`), from
  plain-text templates with autoescaping off, so ``&``, ``'``, ``"`` and ``<`` arrive as typed;
  the subject is forced onto one line (a newline in a title would make Django refuse it);
- it is queued through django-tasks only after the current transaction commits, so a
  rolled-back action mails nobody;
- a failure to deliver is logged and retried a bounded number of times
  (``CIVIC_WAGTAIL_EMAIL_MAX_ATTEMPTS``), the delay doubling each time from
  ``CIVIC_WAGTAIL_EMAIL_RETRY_DELAY`` when the task backend can defer (``run_after``);
- each message carries a key per recipient, and a :class:`~civic_wagtail.models.SentEmail`
  marker is stored once it is sent, so a retried or repeated task never sends it twice;
- nothing here raises into the request that triggered the mail.

Links in messages are absolute and come from Wagtail's ``Site`` (:func:`site_url`, or a page's
``get_full_url()``); admin links from ``WAGTAILADMIN_BASE_URL`` (:func:`admin_url`).
"""

import hashlib
import logging
import threading
import time
import uuid
from contextlib import contextmanager
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template import Context
from django.template import Template as DjangoTemplate
from django.template.loader import get_template
from django.utils import timezone, translation
from django_tasks import task

from civic_wagtail.conf import civic_settings

logger = logging.getLogger(__name__)
_state = threading.local()


@contextmanager
def muted():
    """Queue no email inside this block (demo seeders walk fictional people through flows)."""
    previous = getattr(_state, "muted", False)
    _state.muted = True
    try:
        yield
    finally:
        _state.muted = previous


def is_muted():
    return getattr(_state, "muted", False)


def one_line(text):
    """``text`` with every run of whitespace (newlines included) made one space."""
    return " ".join(str(text).split())


def render_text(template_name, context):
    """Render a plain-text template with autoescaping off, whatever the template says.

    ``render_to_string`` escapes HTML, which in a text email turns ``O'Brien`` into
    ``O&#x27;Brien``; site overrides of our templates get the same treatment.
    """
    template = get_template(template_name)
    inner = getattr(template, "template", None)
    # Only Django's template language takes a Context: Jinja2's wrapper has ``.template`` too.
    if isinstance(inner, DjangoTemplate):  # render with autoescape off
        return inner.render(Context(context, autoescape=False))
    return template.render(context)  # another engine: it decides


def _language_code(code):
    try:
        return translation.get_supported_language_variant(code)
    except LookupError:
        return None


def _related(user, name):
    """A reverse one-to-one of ``user`` (a profile), or None when the row does not exist.

    Django's ``RelatedObjectDoesNotExist`` is an ``AttributeError``: ``getattr`` answers None.
    """
    return getattr(user, name, None)


def recipient_language(user):
    """The language to write to ``user`` in.

    The member profile's ``preferred_language`` when it has one, else the Wagtail admin
    language the user chose (reviewers and editors), else the site default ``LANGUAGE_CODE``.
    """
    default = _language_code(settings.LANGUAGE_CODE) or settings.LANGUAGE_CODE
    if user is None or not getattr(user, "pk", None):
        return default
    for profile_name in ("civic_profile", "wagtail_userprofile"):
        code = getattr(_related(user, profile_name), "preferred_language", "")
        if code and _language_code(code):
            return _language_code(code)
    return default


def site_url(path="", site=None):
    """Absolute URL of ``path`` on ``site`` (default: Wagtail's default site)."""
    from wagtail.models import Site

    if site is None:
        site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    base = site.root_url if site is not None else ""
    return base.rstrip("/") + path


def admin_url(path):
    """Absolute URL of an admin ``path``, from ``WAGTAILADMIN_BASE_URL``."""
    return getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/") + path


def render_message(template, context):
    """``(subject, body)`` from ``<template>_subject.txt`` and ``<template>_body.txt``.

    Two templates rather than "the first line is the subject": a value with a line break
    (a title) would otherwise cut the subject short and spill into the body.
    """
    subject = one_line(render_text(f"{template}_subject.txt", context))
    body = render_text(f"{template}_body.txt", context).strip() + "\n"
    return subject, body


def message_key(key, address):
    """The sent-marker key of one message to one address (no address is stored)."""
    return hashlib.sha256(f"{key}\x00{address.lower()}".encode()).hexdigest()


def send_templated(
    recipient, template, context, *, key=None, from_email=None, language=None, headers=None
):
    """Render an email for ``recipient`` and queue it after the transaction commits.

    ``recipient`` is a user (their ``email``, their language) or an address (then ``language``,
    or the site default). ``template`` names two plain-text templates,
    ``<template>_subject.txt`` and ``<template>_body.txt`` (:func:`render_message`); their
    context is ``context`` plus ``recipient``. ``key`` names the message
    (``"mentoring.request:12"``): a second send of the same key to the same address is dropped,
    so a repeated event does not mail twice; without one, every call is a new message.
    ``headers`` adds headers to the message (``List-Unsubscribe``...): a dict of strings; a
    value with a line break is refused (logged, nothing queued), so no header can be injected.

    Returns the message's sent-marker key, or None when nothing was queued. Never raises: an
    email that cannot be rendered is logged, and the member's action goes on.
    """
    if is_muted():
        return None
    user = None if isinstance(recipient, str) else recipient
    address = recipient if user is None else getattr(user, "email", "")
    if not address or (user is not None and not getattr(user, "is_active", True)):
        return None
    try:
        code = language or recipient_language(user)
        with translation.override(code):
            subject, body = render_message(template, {**context, "recipient": recipient})
        message = {
            "key": message_key(key or uuid.uuid4().hex, address),
            "to": address,
            "subject": subject,
            "body": body,
            "from_email": str(from_email or settings.DEFAULT_FROM_EMAIL),
        }
        if headers:
            extra = {str(name): str(value) for name, value in headers.items()}
            if any("\n" in part or "\r" in part for item in extra.items() for part in item):
                raise ValueError("A header name or value has a line break")
            message["headers"] = extra
        transaction.on_commit(partial(_enqueue, message, 1))
    except Exception:
        logger.exception("Could not prepare the email %s", template)
        return None
    return message["key"]


def retry_delay(attempt):
    """Seconds to wait before ``attempt`` (2, 3, ...): the base delay, doubled each time."""
    return int(civic_settings.EMAIL_RETRY_DELAY) * 2 ** max(0, attempt - 2)


#: Seconds to wait before each new try to reach the task queue (a Redis restart takes ~1 s).
ENQUEUE_RETRIES = (0.25, 0.5, 1, 2)


def enqueue_with_retries(task, *args):
    """``task.enqueue(*args)``, tried again while the queue cannot be reached (then raised)."""
    for delay in (*ENQUEUE_RETRIES, None):
        try:
            return task.enqueue(*args)
        except Exception:
            if delay is None:
                raise
            time.sleep(delay)


def _enqueue(message, attempt):
    """Queue one delivery; a queue that cannot be reached is logged, never raised."""
    try:
        queued = deliver
        if attempt > 1 and queued.get_backend().supports_defer:
            run_after = timezone.now() + timedelta(seconds=retry_delay(attempt))
            queued = queued.using(run_after=run_after)
        enqueue_with_retries(queued, message, attempt)
        if attempt == 1:  # structured logs can count queued against delivered messages
            logger.info("Queued email", extra={"message_key": message["key"]})
    except Exception:
        logger.exception("Could not queue email %s (attempt %s)", message["key"][:12], attempt)


@task()
def deliver(message, attempt=1):
    """Send one queued message unless its sent-marker exists; retry it on failure.

    A django-tasks task: ``message`` is the JSON-serialisable dict built by
    :func:`send_templated`. Returns ``"sent"``, ``"duplicate"``, ``"retrying"`` or ``"failed"``.
    """
    from civic_wagtail.models import SentEmail

    if SentEmail.objects.filter(key=message["key"]).exists():
        return "duplicate"
    try:
        EmailMessage(
            message["subject"],
            message["body"],
            message["from_email"],
            [message["to"]],
            # The key traces a message end to end.
            headers={**message.get("headers", {}), "X-Civic-Message-Key": message["key"]},
        ).send()
    except Exception:
        # SMTP errors, refused addresses, a bad header: all worth logging, none may escape.
        maximum = max(1, int(civic_settings.EMAIL_MAX_ATTEMPTS))
        if attempt >= maximum:
            logger.exception(
                "Giving up on email %s after %s attempts", message["key"][:12], attempt
            )
            return "failed"
        logger.warning(
            "Could not send email %s (attempt %s of %s); retrying",
            message["key"][:12],
            attempt,
            maximum,
            exc_info=True,
        )
        _enqueue(message, attempt + 1)
        return "retrying"
    try:
        with transaction.atomic():
            SentEmail.objects.create(key=message["key"])
    except IntegrityError:  # another worker sent it at the same moment
        pass
    return "sent"
