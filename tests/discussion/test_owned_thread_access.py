"""Who may read and answer a thread another app owns, and what comment URLs answer otherwise.

An owned thread (``Thread.owner_type``/``owner_id``) is readable only by those its owner's
``civic_wagtail_thread_visibility`` hook lets in; a thread no installed app claims is 404.
Every comment URL (thread page, permalink, posting) answers to the same rule.
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django_comments_xtd.models import XtdComment
from wagtail import hooks

from civic_wagtail.discussion.models import Thread
from civic_wagtail.models import Topic
from tests.factories import TopicFactory, member

from .helpers import comment_data, post_comment

pytestmark = pytest.mark.django_db

INSIDERS = {"ines", "vera"}


@pytest.fixture
def club():
    """A topic standing in for an owner (a working group, say) of its own threads."""
    return TopicFactory(name="Book club", slug="book-club")


@pytest.fixture
def owned_thread(forum, verified_member, club):
    return Thread.objects.create(
        forum=forum,
        title="Members only",
        body="Minutes of our last meeting.",
        author=verified_member,
        owner_type=ContentType.objects.get_for_model(Topic),
        owner_id=str(club.pk),
    )


def club_visibility(request, thread):
    """The owner's hook: its threads are for insiders; outsiders are told it is private."""
    if thread.owner_type_id != ContentType.objects.get_for_model(Topic).pk:
        return None
    return request.user.is_authenticated and request.user.username in INSIDERS


def permalink(target):
    content_type = ContentType.objects.get_for_model(target)
    return f"/comments/cr/{content_type.pk}/{target.pk}/"


def test_an_owned_thread_that_no_app_claims_is_unknown_everywhere(
    client, owned_thread, verified_member
):
    client.force_login(verified_member)  # even its author: the owning app is gone
    assert client.get(owned_thread.get_url()).status_code == 404
    assert client.get(permalink(owned_thread)).status_code == 404
    response = post_comment(client, owned_thread, "Anyone there?")
    assert response.status_code == 404
    assert not XtdComment.objects.exists()


def test_the_owner_lets_insiders_in_and_shuts_outsiders_out(client, owned_thread):
    with hooks.register_temporarily("civic_wagtail_thread_visibility", club_visibility):
        client.force_login(member(username="ines"))
        assert client.get(owned_thread.get_url()).status_code == 200
        response = client.get(permalink(owned_thread))
        assert response.status_code == 302 and response["Location"] == owned_thread.get_url()
        assert post_comment(client, owned_thread, "Count me in").status_code == 302
        assert XtdComment.objects.get().comment == "Count me in"

        client.force_login(member(username="otto"))
        page = client.get(owned_thread.get_url())
        assert page.status_code == 403  # the owner is known, its door is closed
        assert "Minutes of our last meeting" not in page.content.decode()
        assert client.get(permalink(owned_thread)).status_code == 404
        assert post_comment(client, owned_thread, "Let me in").status_code == 404
        assert XtdComment.objects.count() == 1


def test_the_author_of_a_held_owned_thread_reads_it_but_outsiders_do_not(
    client, owned_thread, verified_member
):
    owned_thread.status = Thread.Status.HELD
    owned_thread.save()
    with hooks.register_temporarily("civic_wagtail_thread_visibility", club_visibility):
        client.force_login(verified_member)  # "vera": an insider and the author
        assert client.get(permalink(owned_thread)).status_code == 302
        client.force_login(member(username="ines"))  # an insider, not the author
        assert client.get(permalink(owned_thread)).status_code == 404


def test_a_held_thread_takes_no_comment_from_members(client, forum, pending_member):
    held = Thread.objects.create(
        forum=forum, title="Held", body="Waiting.", author=pending_member, status="held"
    )
    client.force_login(member(username="curious"))
    assert post_comment(client, held, "First!").status_code == 404
    assert not XtdComment.objects.exists()


def test_objects_that_are_neither_pages_nor_threads_have_no_comments(
    client, club, verified_member
):
    assert client.get(permalink(club)).status_code == 404
    client.force_login(verified_member)
    data = {**comment_data_for_label("civic_wagtail.topic", club.pk), "comment": "Hi"}
    response = client.post("/discussion/comments/post/", data)
    assert response.status_code == 404
    assert not XtdComment.objects.exists()


def comment_data_for_label(label, pk):
    """The fields a hand-made form would post for ``label`` (``app_label.model``) and ``pk``."""
    return {"content_type": label, "object_pk": str(pk), "honeypot": "", "next": "/"}


def test_a_forged_form_for_a_thread_is_refused_before_anything_is_stored(
    client, thread, verified_member
):
    client.force_login(verified_member)
    data = comment_data(thread, "Altered")
    data["object_pk"] = "not-a-number"
    assert client.post("/discussion/comments/post/", data).status_code == 404
    assert not XtdComment.objects.exists()
