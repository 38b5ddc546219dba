"""The comment URLs a site mounts: only ours, each answering to moderation and privacy.

Found by probing the demo: comments-xtd's stock views showed hidden and held comments to
anyone, listed the comments of hidden threads with Gravatar hashes of their authors' emails,
and mailed replies to whatever address a member typed.
"""

import hashlib
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site as DjangoSite
from django.core import mail
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver
from django_comments_xtd.models import XtdComment

from civic_wagtail.discussion import actions
from civic_wagtail.discussion.models import Thread
from tests.factories import member

from .helpers import comment_data, post_comment

pytestmark = pytest.mark.django_db

THREAD_API = "/comments/api/civic_wagtail_discussion-thread/{pk}/"


def _routes(patterns, prefix=""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route, pattern.name


def test_only_the_permalink_and_mute_links_are_mounted_under_comments():
    mounted = {
        (r, n) for r, n in _routes(get_resolver().url_patterns) if r.startswith("comments/")
    }
    assert mounted == {
        ("comments/cr/<int:content_type_id>/<str:object_pk>/", "comments-url-redirect"),
        ("comments/mute/<str:key>/", "comments-xtd-mute"),
    }


@pytest.fixture
def hidden_and_held(client, thread, verified_member, pending_member, moderator):
    client.force_login(verified_member)
    post_comment(client, thread, "Secret that a moderator hid")
    hidden = XtdComment.objects.get()
    actions.hide_comment(hidden, moderator, "off topic")
    client.force_login(pending_member)
    post_comment(client, thread, "Held text not yet approved")
    held = XtdComment.objects.get(comment="Held text not yet approved")
    assert not held.is_public
    client.logout()
    return hidden, held


def test_stock_reply_like_and_flag_pages_do_not_show_hidden_or_held_comments(
    client, hidden_and_held
):
    hidden, held = hidden_and_held
    for comment in (hidden, held):
        response = client.get(f"/comments/reply/{comment.pk}/")
        assert response.status_code == 404
        assert comment.comment not in response.content.decode()
    client.force_login(member(username="curious"))
    for comment in (hidden, held):
        for url in (f"/comments/like/{comment.pk}/", f"/comments/flag/{comment.pk}/"):
            response = client.get(url)
            assert response.status_code == 404, url
            assert comment.comment not in response.content.decode()


def test_our_like_and_flag_refuse_comments_of_a_thread_one_may_not_see(
    client, thread, verified_member, moderator
):
    client.force_login(verified_member)
    post_comment(client, thread, "Public reply in a thread about to be hidden")
    comment = XtdComment.objects.get()
    actions.set_thread_status(thread, Thread.Status.HIDDEN, moderator, "spam")
    client.force_login(member(username="curious"))
    assert client.post(f"/discussion/comments/{comment.pk}/like/").status_code == 404
    assert client.post(f"/discussion/comments/{comment.pk}/flag/").status_code == 404


def test_permalinks_redirect_only_to_discussions_one_may_see(
    client, forum, thread, verified_member, pending_member, moderator
):
    thread_type = ContentType.objects.get_for_model(Thread)
    url = f"/comments/cr/{thread_type.pk}/{thread.pk}/"
    response = client.get(url)
    assert response.status_code == 302 and response["Location"] == thread.get_url()

    held = Thread.objects.create(
        forum=forum, title="Held thread", body="b", author=pending_member, status="held"
    )
    held_url = f"/comments/cr/{thread_type.pk}/{held.pk}/"
    assert client.get(held_url).status_code == 404
    client.force_login(member(username="curious"))
    assert client.get(held_url).status_code == 404
    client.force_login(pending_member)  # the author sees their own held thread
    assert client.get(held_url).status_code == 302
    client.force_login(moderator)
    assert client.get(held_url).status_code == 302
    client.logout()
    for bad in (f"/comments/cr/{thread_type.pk}/nope/", f"/comments/cr/999999/{thread.pk}/"):
        assert client.get(bad).status_code == 404


def test_comment_api_of_a_hidden_thread_is_not_served(client, thread, verified_member, moderator):
    client.force_login(verified_member)
    post_comment(client, thread, "A reply in a thread about to be hidden")
    actions.set_thread_status(thread, Thread.Status.HIDDEN, moderator, "spam")
    client.logout()
    thread_page = client.get(thread.get_url())
    assert thread_page.status_code == 404
    for url in (THREAD_API.format(pk=thread.pk), THREAD_API.format(pk=thread.pk) + "count/"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "A reply in a thread" not in response.content.decode()


def test_no_email_hash_leaves_the_server(client, thread, verified_member):
    client.force_login(verified_member)
    post_comment(client, thread, "Hello everyone")
    client.logout()
    email = verified_member.email.strip().lower().encode()
    hashes = {hashlib.md5(email).hexdigest(), hashlib.sha256(email).hexdigest()}  # noqa: S324
    for url in (thread.get_url(), THREAD_API.format(pk=thread.pk)):
        body = client.get(url).content.decode()
        assert not any(h in body for h in hashes), url
    assert client.get(THREAD_API.format(pk=thread.pk)).status_code == 404


def test_members_cannot_post_under_another_name_or_address(client, thread, verified_member):
    client.force_login(member(username="mallory"))
    spoof = {"name": "The Minister", "email": "victim@outside.example", "followup": "on"}
    # The stock post views are not mounted.
    stock = client.post("/comments/post/", comment_data(thread, "Spoofed", **spoof))
    assert stock.status_code == 404
    api = client.post(
        "/comments/api/comment/",
        {**comment_data(thread, "Spoofed through the API"), **spoof},
    )
    assert api.status_code == 404
    assert not XtdComment.objects.exists()
    # Ours takes name and email from the account, whatever was posted.
    response = post_comment(client, thread, "Mine", **spoof)
    assert response.status_code == 302
    comment = XtdComment.objects.get()
    assert (comment.user_name, comment.user_email) == ("Mallory", "mallory@city.example.gov")
    mail.outbox.clear()
    client.force_login(member(username="rhea"))
    post_comment(client, thread, "A reply")
    recipients = {address for message in mail.outbox for address in message.to}
    assert "victim@outside.example" not in recipients
    assert "mallory@city.example.gov" in recipients
    assert not any("The Minister" in message.body for message in mail.outbox)


def test_preview_api_is_not_a_500(client, verified_member):
    client.force_login(verified_member)
    response = client.post("/comments/api/preview/", {}, content_type="application/json")
    assert response.status_code == 404


def test_follow_up_emails_link_to_the_thread_on_the_wagtail_site(client, thread, verified_member):
    assert thread.get_absolute_url() == thread.get_url() == f"/forum/permits/{thread.pk}/"
    # django.contrib.sites out of step with Wagtail's Site must not matter.
    DjangoSite.objects.update(domain="stale.example.com")
    client.force_login(verified_member)
    post_comment(client, thread, "I follow this", followup=True)
    mail.outbox.clear()
    client.force_login(member(username="rhea"))
    post_comment(client, thread, "Isn't it a good idea?")
    message = next(m for m in mail.outbox if m.to == [verified_member.email])
    urls = re.findall(r"https?://\S+", message.body)
    assert all(url.count("://") == 1 and "stale.example.com" not in url for url in urls)
    root = thread.forum.get_site().root_url
    assert f"{thread.get_full_url()}#c" in message.body
    assert any(url.startswith(f"{root}/comments/mute/") for url in urls)
    assert "Isn't it a good idea?" in message.body  # plain text: not &#x27;
    assert "stale.example.com" not in message.body


@override_settings(CIVIC_WAGTAIL_DISCUSSION_COMMENTABLE_PAGE_TYPES=["home.HomePage"])
def test_comments_of_a_private_page_are_not_reachable(client, home_page, verified_member):
    from wagtail.models import PageViewRestriction

    client.force_login(verified_member)
    post_comment(client, home_page, "Said on a page that becomes private")
    comment = XtdComment.objects.get()
    permalink = comment.get_absolute_url().split("#")[0]
    client.logout()
    assert client.get(permalink).status_code == 302
    PageViewRestriction.objects.create(page=home_page, restriction_type="login")
    assert client.get(permalink).status_code == 404
    client.force_login(member(username="curious"))
    assert client.get(permalink).status_code == 302  # logged in: the page is open to them
    client.logout()
    client.force_login(member(username="outsider"))
    PageViewRestriction.objects.filter(page=home_page).update(restriction_type="password")
    assert client.get(permalink).status_code == 404
    assert client.post(f"/discussion/comments/{comment.pk}/like/").status_code == 404
    assert post_comment(client, home_page, "Still here?").status_code == 404
