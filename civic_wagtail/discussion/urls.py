from django.urls import path

from civic_wagtail import converters  # noqa: F401 (registers <civic_id:...>)

from . import views

app_name = "civic_wagtail_discussion"

urlpatterns = [
    path("comments/post/", views.post_comment, name="post_comment"),
    path("comments/<civic_id:comment_id>/like/", views.like, name="like"),
    path("comments/<civic_id:comment_id>/flag/", views.flag, name="flag"),
    path("threads/<civic_id:thread_id>/accept/", views.accept_answer, name="accept_answer"),
    path("threads/<civic_id:thread_id>/report/", views.report_thread, name="report_thread"),
    path("threads/unfollow/<str:token>/", views.unfollow, name="unfollow"),
]
