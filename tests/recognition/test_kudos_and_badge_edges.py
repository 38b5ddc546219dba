"""Kudos and badges past the happy path: models a site lists wrongly, removed replies, items
without an author or outside the page cache, awards of closed accounts, badge images that are
not PNG or whose file is gone, and an issuer without an address."""

import json

import pytest
from django.conf import settings
from django.utils import timezone
from django_comments_xtd.models import XtdComment
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file, get_test_image_file_jpeg

from civic_wagtail.discussion.models import Thread
from civic_wagtail.recognition import openbadges
from civic_wagtail.recognition.models import Award, Kudos
from tests.discussion.helpers import make_forum
from tests.factories import TopicFactory, member
from tests.library.helpers import library_index, practice

from .helpers import badge

pytestmark = pytest.mark.django_db
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def thread(home_page, verified_member):
    forum = make_forum(home_page, TopicFactory(name="Permits", slug="permits"))[1]
    return Thread.objects.create(forum=forum, title="Q", body="?", author=verified_member)


def _kudos(client, label, pk):
    return client.post(f"/recognition/kudos/{label}/{pk}/", HTTP_ACCEPT="application/json")


@pytest.mark.parametrize("label", ["nosuchapp.nosuchmodel", "nodot"])
def test_a_listed_model_that_does_not_exist_is_a_404_not_a_500(client, settings, label):
    settings.CIVIC_WAGTAIL_RECOGNITION_KUDOS_MODELS = [label]
    client.force_login(member(username="otto"))
    assert _kudos(client, label, 1).status_code == 404
    assert not Kudos.objects.exists()


def test_a_removed_reply_cannot_be_thanked(client, thread, verified_member):
    reply = XtdComment.objects.create(
        content_object=thread, site_id=settings.SITE_ID, user=verified_member,
        user_name="Vera", comment="Spam.", is_public=True, is_removed=True,
        submit_date=timezone.now(),
    )
    client.force_login(member(username="otto"))
    assert _kudos(client, "django_comments_xtd.xtdcomment", reply.pk).status_code == 404
    assert not Kudos.objects.exists()


def test_an_item_without_an_author_is_thanked_without_a_recipient(client, home_page):
    page = practice(library_index(home_page), "Open permits")
    assert page.owner_id is None
    client.force_login(member(username="otto"))
    response = _kudos(client, "civic_wagtail_library.bestpracticepage", page.pk)
    assert response.json() == {"count": 1, "mine": True}
    assert Kudos.objects.get().recipient is None


def test_a_site_may_list_a_model_outside_pages_and_comments(
    client, thread, verified_member, settings, django_capture_on_commit_callbacks
):
    settings.CIVIC_WAGTAIL_RECOGNITION_KUDOS_MODELS = ["civic_wagtail_discussion.thread"]
    client.force_login(member(username="otto"))
    with django_capture_on_commit_callbacks(execute=True):
        response = _kudos(client, "civic_wagtail_discussion.thread", thread.pk)
    assert response.json() == {"count": 1, "mine": True}
    assert Kudos.objects.get().recipient == verified_member


def test_the_award_page_of_a_closed_account_is_gone(client, verified_member):
    award = Award.objects.create(badge=badge(), recipient=verified_member)
    assert client.get(f"/recognition/assertions/{award.uid}/").status_code == 200
    verified_member.is_active = False
    verified_member.save(update_fields=["is_active"])
    assert client.get(f"/recognition/assertions/{award.uid}/").status_code == 404


def test_an_issuer_without_any_address_omits_the_email(client, settings):
    settings.CIVIC_WAGTAIL_RECOGNITION_ISSUER_EMAIL = ""
    settings.DEFAULT_FROM_EMAIL = ""
    issuer = client.get("/recognition/issuer.json").json()
    assert "email" not in issuer
    assert issuer["type"] == "Issuer"
    settings.CIVIC_WAGTAIL_RECOGNITION_ISSUER_EMAIL = "badges@city.example.gov"
    assert client.get("/recognition/issuer.json").json()["email"] == "badges@city.example.gov"


def _badge_with(image_file):
    image = Image.objects.create(title="Badge art", file=image_file)
    with_image = badge()
    with_image.image = image
    with_image.save()
    return with_image, image


def test_a_png_badge_image_is_served_and_baked_as_uploaded(client, verified_member):
    with_image, image = _badge_with(get_test_image_file())
    with image.open_file() as handle:
        uploaded = handle.read()
    response = client.get(f"/recognition/badges/{with_image.slug}/image.png")
    assert response.content == uploaded
    award = Award.objects.create(badge=with_image, recipient=verified_member)
    baked = client.get(f"/recognition/assertions/{award.uid}/badge.png").content
    assert json.loads(openbadges.unbake(baked))["id"] == openbadges.assertion_url(award)


def test_a_jpeg_badge_image_is_replaced_by_the_plain_png(client):
    with_image, _image = _badge_with(get_test_image_file_jpeg())
    response = client.get(f"/recognition/badges/{with_image.slug}/image.png")
    assert response.content.startswith(PNG_SIGNATURE)
    assert response.content == openbadges.plain_png(with_image.tier)


def test_a_badge_image_whose_file_is_gone_falls_back_to_the_plain_png(client):
    with_image, image = _badge_with(get_test_image_file())
    image.file.storage.delete(image.file.name)
    response = client.get(f"/recognition/badges/{with_image.slug}/image.png")
    assert response.status_code == 200
    assert response.content == openbadges.plain_png(with_image.tier)
