from django.urls import path

from civic_wagtail import converters  # noqa: F401 (registers <civic_id:...>)

from . import notification_views, privacy_views, views

app_name = "civic_wagtail_members"

urlpatterns = [
    path("me/", views.DashboardView.as_view(), name="dashboard"),
    path("me/data/", privacy_views.export_page, name="export"),
    path("me/data/<str:token>/", privacy_views.export_download, name="export_download"),
    path("me/delete/", privacy_views.delete_account, name="delete_account"),
    path("notifications/", notification_views.notification_list, name="notifications"),
    path(
        "notifications/read/",
        notification_views.notification_mark_all_read,
        name="notifications_read",
    ),
    path(
        "notifications/settings/",
        notification_views.notification_settings,
        name="notification_settings",
    ),
    path(
        "notifications/<civic_id:pk>/",
        notification_views.notification_open,
        name="notification_open",
    ),
    path("profile/", views.ProfileEditView.as_view(), name="profile_edit"),
    path("<civic_id:pk>/", views.MemberDetailView.as_view(), name="profile_detail"),
]
