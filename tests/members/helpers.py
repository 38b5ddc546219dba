"""Accounts as an attacker meets them: passwords, confirmed (or not) addresses, TOTP codes."""

import base64
import hashlib
import hmac
import struct
import time

from allauth.account.models import EmailAddress

from civic_wagtail import roles
from tests.factories import UserFactory, member

PASSWORD = "correct horse battery staple"  # the factories' password


def account(username, *, confirmed=True, staff=False, superuser=False, editor=False, **kw):
    """A member who logs in with their email address, as allauth requires."""
    user = member(
        username=username,
        role_names=[roles.EDITORS] if editor else [],
        is_staff=staff,
        is_superuser=superuser,
        **kw,
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=confirmed, primary=True)
    return user


def plain_user(username, **kw):
    user = UserFactory(username=username, **kw)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def site_login(client, user_or_email, password=PASSWORD, **extra):
    email = getattr(user_or_email, "email", user_or_email)
    return client.post("/accounts/login/", {"login": email, "password": password}, **extra)


def session_user_id(client):
    return client.session.get("_auth_user_id")


def totp(secret, at=None, digits=6, period=30):
    """RFC 6238 code of a base32 ``secret``, computed here, independently of allauth."""
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    counter = int((time.time() if at is None else at) // period)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(number % 10**digits).zfill(digits)


def fresh_totp(secret):
    """A code with at least two seconds left in its 30-second window (no edge flakiness)."""
    if 30 - time.time() % 30 < 2:
        time.sleep(2)
    return totp(secret)
