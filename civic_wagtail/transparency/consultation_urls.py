"""URLs of the consultation part of the transparency app."""

urlpatterns = []
