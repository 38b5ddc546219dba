"""Erasing a member removes the personal data copied into comment rows; the discussion stays."""

import pytest
from django.db import connection
from django_comments_xtd.models import XtdComment

from civic_wagtail.discussion.models import Thread
from civic_wagtail.discussion.privacy import erase_member

from .helpers import post_comment

pytestmark = pytest.mark.django_db


def raw_rows(pks):
    """The stored columns, read with SQL so nothing is hidden by the ORM."""
    placeholders = ", ".join(["%s"] * len(pks))
    sql = "SELECT user_id, user_name, user_email, user_url, ip_address FROM django_comments"
    with connection.cursor() as cursor:
        cursor.execute(f"{sql} WHERE id IN ({placeholders})", pks)  # noqa: S608
        return cursor.fetchall()


@pytest.fixture
def posts(client, thread, verified_member):
    client.force_login(verified_member)
    post_comment(client, thread, "First point")
    first = XtdComment.objects.get()
    post_comment(client, thread, "A reply", reply_to=first.pk, followup=True)
    return list(XtdComment.objects.values_list("pk", flat=True))


def assert_erased(pks, user):
    for row in raw_rows(pks):
        user_id, name, email, url, ip = row
        assert user_id is None
        assert name == "" and email == "" and url == "" and ip is None
        assert user.email not in str(row) and user.username not in str(row).lower()


def test_erasing_a_member_strips_every_row(client, thread, posts, verified_member):
    assert raw_rows(posts)[0][4] == "127.0.0.1"  # the IP was stored
    assert erase_member(verified_member) == 2
    assert_erased(posts, verified_member)
    thread.refresh_from_db()
    assert thread.author is None
    client.logout()
    html = client.get(thread.get_url()).content.decode()
    assert "First point" in html and "A reply" in html
    assert "a former member" in html and "Vera" not in html


def test_deleting_the_account_erases_too(thread, posts, verified_member):
    verified_member.delete()
    assert_erased(posts, verified_member)
    assert Thread.objects.get().author is None


def test_erase_command(thread, posts, verified_member):
    from io import StringIO

    from django.core.management import CommandError, call_command

    out = StringIO()
    call_command("erase_discussion_member", verified_member.email, stdout=out)
    assert "2 comment" in out.getvalue()
    assert_erased(posts, verified_member)
    with pytest.raises(CommandError):
        call_command("erase_discussion_member", "nobody@example.org")
