"""URLs of the project part of the transparency app."""

urlpatterns = []
