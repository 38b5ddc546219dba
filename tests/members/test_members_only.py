"""Members-only files open for verified members, never for members still waiting."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from civic_wagtail.members.models import MemberProfile
from civic_wagtail.members.verification import set_status
from tests.factories import member

pytestmark = pytest.mark.django_db


def document_in(collection):
    Document = get_document_model()
    document = Document(title="Budget template", collection=collection, file_size=5)
    document.file.save("budget.txt", ContentFile(b"rows\n"), save=False)
    document.save()
    return document


def restricted_collection(kind):
    collection = Collection.get_first_root_node().add_child(name=f"Private {kind}")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=kind
    )
    if kind == CollectionViewRestriction.GROUPS:
        restriction.groups.add(Group.objects.get(name="Members"))
    return collection


def in_members_group(user):
    return user.groups.filter(name="Members").exists()


def test_the_members_group_holds_verified_members_only(admin_user):
    pending = member(username="penny", verified=False)
    verified = member(username="vera")
    assert not in_members_group(pending)
    assert in_members_group(verified)
    set_status(pending.civic_profile, MemberProfile.Verification.VERIFIED, by=admin_user)
    assert in_members_group(pending)
    set_status(verified.civic_profile, MemberProfile.Verification.REJECTED, by=admin_user)
    assert not in_members_group(verified)


@pytest.mark.parametrize(
    "kind", [CollectionViewRestriction.GROUPS, CollectionViewRestriction.LOGIN]
)
def test_pending_members_cannot_download_members_only_documents(client, kind):
    document = document_in(restricted_collection(kind))
    client.force_login(member(username="penny", verified=False, email="penny@example.com"))
    response = client.get(document.url)
    assert response.status_code in (302, 403)
    assert b"rows" not in b"".join(getattr(response, "streaming_content", [response.content]))
    client.force_login(member(username="vera"))
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"rows\n"


def test_demo_members_only_documents_refuse_the_pending_demo_member(client):
    call_command(
        "seed_demo",
        "--no-progress",
        "--i-know-this-is-not-production",
        "--no-translations",  # English documents only: the French demo is not looked at
        *("--practices", "4", "--events", "5", "--comments", "15", "--mentors", "6"),
    )
    collection = Collection.objects.get(name="Members only")
    (restriction,) = collection.get_view_restrictions()
    assert restriction.restriction_type == CollectionViewRestriction.GROUPS
    document = get_document_model().objects.filter(collection=collection).first()
    User = get_user_model()
    client.force_login(User.objects.get(username="pending"))
    assert client.get(document.url).status_code != 200
    client.force_login(User.objects.get(username="member"))
    assert client.get(document.url).status_code == 200
