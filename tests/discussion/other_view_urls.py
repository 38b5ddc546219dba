"""The demo's URLs plus django-contrib-comments' own post and flag views.

A site that still posts or reports through them (check E005 warns it) bypasses our views; the
discussion app's signal receivers must still apply the posting policy and rate limits.
"""

from django.urls import path
from django_comments.views.comments import post_comment
from django_comments.views.moderation import flag

from civic_demo.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    path("stock/post/", post_comment, name="stock-post"),
    path("stock/flag/<int:comment_id>/", flag, name="stock-flag"),
    *site_urlpatterns,
]
