"""Comment threads on other apps' pages through the civic_wagtail_page_panels hook."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory, override_settings
from django_comments_xtd.models import XtdComment

from .helpers import post_comment

pytestmark = pytest.mark.django_db

PANELS = Template("{% load civic_wagtail_tags %}{% civic_page_panels page %}")


def render_panels(page, user):
    request = RequestFactory().get(page.url)
    request.user = user
    return PANELS.render(Context({"page": page, "request": request}))


@override_settings(CIVIC_WAGTAIL_DISCUSSION_COMMENTABLE_PAGE_TYPES=["home.HomePage"])
def test_enabled_page_types_get_comments(client, home_page, verified_member):
    client.force_login(verified_member)
    response = post_comment(client, home_page, "Great site")
    assert response.status_code == 302
    comment = XtdComment.objects.get()
    assert comment.content_object == home_page and comment.is_public
    html = render_panels(home_page, verified_member)
    assert "Great site" in html and 'id="comment-form"' in html
    assert '<h2 id="discussion-title">Comments</h2>' in html


def test_other_pages_get_nothing_and_refuse_comments(client, home_page, verified_member):
    assert render_panels(home_page, verified_member).strip() == ""
    client.force_login(verified_member)
    assert post_comment(client, home_page, "Nope").status_code == 404
    assert not XtdComment.objects.exists()


def test_mixin_flag_opts_a_page_class_in(home_page):
    from civic_wagtail.discussion.pages import is_commentable

    assert not is_commentable(home_page)
    home_page.civic_wagtail_comments = True  # what CommentableMixin sets on a class
    assert is_commentable(home_page)
