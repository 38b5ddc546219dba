from django.urls import path

from civic_wagtail import converters  # noqa: F401 (registers <civic_id:...>)

from . import views

app_name = "civic_wagtail_members"

urlpatterns = [
    path("profile/", views.ProfileEditView.as_view(), name="profile_edit"),
    path("<civic_id:pk>/", views.MemberDetailView.as_view(), name="profile_detail"),
]
