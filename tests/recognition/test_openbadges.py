"""Open Badges 2.0: Issuer, BadgeClass and Assertion JSON-LD, hashing, revocation, baking."""

import hashlib
import json

import pytest

from civic_wagtail.recognition import openbadges
from civic_wagtail.recognition.models import Award

from .helpers import badge

pytestmark = pytest.mark.django_db

CONTEXT = "https://w3id.org/openbadges/v2"
#: Required properties (Open Badges 2.0, "Assertion", "BadgeClass", "Profile").
REQUIRED = {
    "Assertion": {"@context", "id", "type", "recipient", "badge", "verification", "issuedOn"},
    "BadgeClass": {"@context", "id", "type", "name", "description", "image", "criteria",
                   "issuer"},
    "Issuer": {"@context", "id", "type", "name", "url", "email"},
}


@pytest.fixture
def award(home_page, verified_member):
    return Award.objects.create(badge=badge(), recipient=verified_member, evidence_url="/x/")


def fetch(client, url, status=200):
    path = url.replace("http://localhost", "")
    response = client.get(path)
    assert response.status_code == status
    assert response["Content-Type"] == "application/ld+json"
    return response.json()


def test_assertion_badge_class_and_issuer_link_up(client, award, verified_member):
    assertion = fetch(client, f"/recognition/assertions/{award.uid}.json")
    assert REQUIRED["Assertion"] <= assertion.keys()
    assert assertion["@context"] == CONTEXT and assertion["type"] == "Assertion"
    assert assertion["id"] == f"http://localhost/recognition/assertions/{award.uid}.json"
    assert assertion["verification"] == {"type": "hosted"}
    recipient = assertion["recipient"]
    assert recipient["type"] == "email" and recipient["hashed"] is True
    email = verified_member.email
    digest = hashlib.sha256((email + recipient["salt"]).encode()).hexdigest()
    assert recipient["identity"] == "sha256$" + digest
    assert email not in json.dumps(assertion)
    badge_class = fetch(client, assertion["badge"])
    assert REQUIRED["BadgeClass"] <= badge_class.keys()
    assert badge_class["criteria"]["narrative"] == "Publish a case study."
    image = client.get(badge_class["image"].replace("http://localhost", ""))
    assert image["Content-Type"] == "image/png" and image.content.startswith(b"\x89PNG")
    issuer = fetch(client, badge_class["issuer"])
    assert REQUIRED["Issuer"] <= issuer.keys() and issuer["type"] == "Issuer"


def test_revoked_award_answers_revoked(client, award):
    from django.utils import timezone

    Award.objects.filter(pk=award.pk).update(revoked_at=timezone.now(), revocation_reason="No")
    assertion = fetch(client, f"/recognition/assertions/{award.uid}.json", status=410)
    assert assertion["revoked"] is True and assertion["revocationReason"] == "No"
    assert client.get(f"/recognition/assertions/{award.uid}/badge.png").status_code == 404


def test_baked_png_round_trips_to_the_assertion_url(client, award):
    response = client.get(f"/recognition/assertions/{award.uid}/badge.png")
    assert response.status_code == 200
    baked = json.loads(openbadges.unbake(response.content))
    assert baked["id"] == openbadges.assertion_url(award)
    assert baked["verification"] == {"type": "hosted"}


def test_award_page_and_public_profile(client, award, verified_member):
    from civic_wagtail.members.models import get_profile

    html = client.get(f"/recognition/assertions/{award.uid}/").content.decode()
    assert "First story" in html and "Awarded to Vera" in html
    profile = client.get(f"/members/{get_profile(verified_member).pk}/").content.decode()
    assert f"/recognition/assertions/{award.uid}/" in profile


#: Terms the Open Badges 2.0 JSON-LD context (https://w3id.org/openbadges/v2) defines that
#: these documents use; a property outside it would be dropped by a JSON-LD processor.
CONTEXT_TERMS = {
    "@context", "id", "type", "name", "description", "email", "image", "url", "tags", "badge",
    "criteria", "evidence", "hashed", "identity", "issuedOn", "issuer", "narrative",
    "recipient", "revocationReason", "revoked", "salt", "verification",
}
CONTEXT_TYPES = {"Assertion", "BadgeClass", "Issuer", "hosted"}


def _keys(document):
    for key, value in document.items():
        yield key
        if isinstance(value, dict):
            yield from _keys(value)


def test_every_property_is_a_term_of_the_open_badges_context(client, award):
    from django.utils import timezone

    Award.objects.filter(pk=award.pk).update(
        revoked_at=timezone.now(), revocation_reason="No", reason="Thanks"
    )
    award.refresh_from_db()
    documents = [
        openbadges.assertion_json(award),
        openbadges.badge_class_json(award.badge),
        openbadges.issuer_json(),
    ]
    for document in documents:
        assert set(_keys(document)) <= CONTEXT_TERMS, document
        assert document["type"] in CONTEXT_TYPES
    assert documents[0]["verification"]["type"] in CONTEXT_TYPES
    assert documents[0]["issuedOn"].endswith("+00:00")  # an xsd:dateTime with its zone
