"""Open Badges 2.0 hosted assertions: the Issuer, each BadgeClass and each Assertion as public
JSON-LD at stable URLs, and badge images with the assertion baked in.

- Ids are absolute URLs on the default Wagtail ``Site`` (stable whichever host was asked).
- The recipient is their email, hashed with the award's own salt:
  ``"sha256$" + sha256(email + salt)`` (Open Badges 2.0, ``IdentityObject``).
- Verification is ``hosted``: a verifier fetches the assertion's ``id`` and checks it is
  served there. A revoked award keeps answering, with ``revoked: true`` and the reason (and
  HTTP 410, as the specification recommends).
- Baking writes the assertion into the PNG's ``iTXt`` chunk ``openbadges`` with the
  ``openbadges-bakery`` package; :func:`unbake` reads it back.
"""

import hashlib
import io
import json
import struct
import zlib

from django.conf import settings
from django.urls import reverse
from wagtail.models import Site

from civic_wagtail import mail
from civic_wagtail.conf import civic_settings

CONTEXT = "https://w3id.org/openbadges/v2"

#: Colours of the plain badge image, per tier, for badges without an image of their own.
TIER_COLOURS = {"bronze": (140, 82, 30), "silver": (96, 104, 112), "gold": (150, 110, 0)}


def absolute(path):
    return mail.site_url(path)


def issuer_url():
    return absolute(reverse("civic_wagtail_recognition:issuer"))


def badge_url(badge):
    return absolute(reverse("civic_wagtail_recognition:badge_class", args=[badge.slug]))


def assertion_url(award):
    return absolute(reverse("civic_wagtail_recognition:assertion", args=[award.uid]))


def issuer_json():
    site = Site.objects.filter(is_default_site=True).first()
    name = civic_settings.RECOGNITION_ISSUER_NAME or (site.site_name if site else "") or "Civic"
    data = {
        "@context": CONTEXT,
        "type": "Issuer",
        "id": issuer_url(),
        "name": name,
        "url": absolute("/"),
    }
    email = civic_settings.RECOGNITION_ISSUER_EMAIL or settings.DEFAULT_FROM_EMAIL
    if email:
        data["email"] = email
    return data


def badge_class_json(badge):
    return {
        "@context": CONTEXT,
        "type": "BadgeClass",
        "id": badge_url(badge),
        "name": badge.name,
        "description": badge.description,
        "image": absolute(reverse("civic_wagtail_recognition:badge_image", args=[badge.slug])),
        "criteria": {"narrative": badge.criteria},
        "issuer": issuer_url(),
        "tags": [badge.tier],
    }


def hashed_email(email, salt):
    return "sha256$" + hashlib.sha256((email.strip().lower() + salt).encode()).hexdigest()


def assertion_json(award):
    data = {
        "@context": CONTEXT,
        "type": "Assertion",
        "id": assertion_url(award),
        "recipient": {
            "type": "email",
            "hashed": True,
            "salt": award.salt,
            "identity": hashed_email(award.recipient.email, award.salt),
        },
        "badge": badge_url(award.badge),
        "verification": {"type": "hosted"},
        "issuedOn": award.awarded_at.isoformat(),
    }
    if award.evidence_url:
        data["evidence"] = absolute(award.evidence_url)
    if award.reason:
        data["narrative"] = award.reason
    if award.revoked_at is not None:
        data["revoked"] = True
        data["revocationReason"] = award.revocation_reason or "Revoked"
    return data


def _chunk(kind, data):
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def plain_png(tier, size=128):
    """A square PNG in the tier's colour (for badges without an image)."""
    red, green, blue = TIER_COLOURS.get(tier, TIER_COLOURS["bronze"])
    row = b"\x00" + bytes((red, green, blue)) * size
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(row * size, 9))
        + _chunk(b"IEND", b"")
    )


def badge_png(badge):
    """The badge's image as PNG bytes: its own image if it is a PNG, else a plain one."""
    image = badge.image
    if image is not None:
        try:
            with image.open_file() as handle:
                data = handle.read()
            if data.startswith(b"\x89PNG"):
                return data
        except OSError:
            pass
    return plain_png(badge.tier)


def bake(award):
    """The badge PNG with the award's assertion baked in (``iTXt`` chunk ``openbadges``)."""
    from openbadges_bakery import bake as bakery_bake

    baked = bakery_bake(io.BytesIO(badge_png(award.badge)), json.dumps(assertion_json(award)))
    baked.seek(0)
    return baked.read()


def unbake(data):
    """The assertion text baked into PNG ``data``, or None."""
    from openbadges_bakery import unbake as bakery_unbake

    return bakery_unbake(io.BytesIO(data))
