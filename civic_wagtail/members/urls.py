from django.urls import path

from . import views

app_name = "civic_wagtail_members"

urlpatterns = [
    path("profile/", views.ProfileEditView.as_view(), name="profile_edit"),
    path("<int:pk>/", views.MemberDetailView.as_view(), name="profile_detail"),
]
