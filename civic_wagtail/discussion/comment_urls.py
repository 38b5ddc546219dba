"""Comment URLs a site mounts at ``comments/``, instead of ``django_comments_xtd.urls``.

``path("comments/", include("civic_wagtail.discussion.comment_urls"))``

comments-xtd's own URLconf mounts a dozen views (reply, like, flag, the JSON API, the stock
post view...) that show held and hidden comments, accept any name and email from a member and
publish Gravatar hashes of commenters' email addresses. Posting, liking and reporting go
through this app's views at ``/discussion/comments/``; only the two links comments-xtd itself
builds are mounted here, under its URL names, and they answer to our visibility rules.
System check ``civic_wagtail_discussion.E005`` refuses the stock URLconf.
"""

from django.urls import path

from . import comment_views

urlpatterns = [
    path(
        "cr/<int:content_type_id>/<str:object_pk>/",
        comment_views.comment_target_redirect,
        name="comments-url-redirect",
    ),
    path("mute/<str:key>/", comment_views.mute, name="comments-xtd-mute"),
]
