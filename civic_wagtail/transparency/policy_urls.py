"""URLs of the policy part of the transparency app."""

urlpatterns = []
